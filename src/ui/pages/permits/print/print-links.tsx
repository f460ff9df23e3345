// Links to the Permits print views, for the other Permits pages to place (permit page, inspection
// list, Permits home): each a plain link with its own translated words.
import { useAreaT } from '../../../i18n/use-t';
import { permitPrintMessages } from './messages';

export const permitCardPrintPath = (permitId: string) => `/permits/${encodeURIComponent(permitId)}/print`;
export const inspectionPrintPath = (inspectionId: string) =>
  `/permits/inspections/${encodeURIComponent(inspectionId)}/print`;
export const routeSheetPrintPath = (date?: string) =>
  `/permits/print/route-sheet${date ? `?date=${encodeURIComponent(date)}` : ''}`;
export const BLANK_INTAKE_PATH = '/permits/print/blank-intake';
export const BLANK_INSPECTION_PATH = '/permits/print/blank-inspection';

export function PermitCardPrintLink({ permitId }: { permitId: string }) {
  const t = useAreaT(permitPrintMessages);
  return <a href={permitCardPrintPath(permitId)}>{t('permitPrint.link.card')}</a>;
}

export function InspectionPrintLink({ inspectionId }: { inspectionId: string }) {
  const t = useAreaT(permitPrintMessages);
  return <a href={inspectionPrintPath(inspectionId)}>{t('permitPrint.link.inspection')}</a>;
}

/** The paper forms and the day's route sheet, as a short list for the Permits home page. */
export function PermitPaperLinks({ date }: { date?: string }) {
  const t = useAreaT(permitPrintMessages);
  return (
    <ul>
      <li>
        <a href={routeSheetPrintPath(date)}>{t('permitPrint.link.routeSheet')}</a>
      </li>
      <li>
        <a href={BLANK_INTAKE_PATH}>{t('permitPrint.link.blankIntake')}</a>
      </li>
      <li>
        <a href={BLANK_INSPECTION_PATH}>{t('permitPrint.link.blankInspection')}</a>
      </li>
    </ul>
  );
}
