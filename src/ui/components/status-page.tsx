// A whole-page message for when the app cannot run (storage failed, closed by another tab, waiting).
import { PageHeading } from './page-heading';

export function StatusPage(props: { title: string; message: string; reloadLabel?: string; detail?: string }) {
  return (
    <div class="status-page">
      <PageHeading title={props.title}>{props.title}</PageHeading>
      <p>{props.message}</p>
      {props.detail && <p class="muted">{props.detail}</p>}
      {props.reloadLabel && (
        <button type="button" class="button" onClick={() => window.location.reload()}>
          {props.reloadLabel}
        </button>
      )}
    </div>
  );
}
