// /print/packet — the outage packet: choose departments (the user's) and sections, then the document is
// assembled from this device's data only (no request leaves the device). A progress line shows when the
// assembly takes more than a second.
import { useEffect, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { localDate } from '../../../storage/inspection-queries';
import {
  readPacketData,
  readPacketOrganization,
  writePacketOrganization,
  type PacketData,
  type PacketStage,
} from '../../../storage/packet-queries';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { documentCode, shortId } from '../../print/print-codes';
import { useDatabase } from '../../sync/use-sync-facts';
import { packetMessages, type PacketKey, type PacketT } from './messages';
import { PacketDocument } from './packet-document';
import { SECTIONS, type SectionKey } from './packet-sections';
import './packet.css';

type Stage = PacketStage | 'layout';

interface Assembled {
  code: string;
  data: PacketData;
  printedAt: Date;
  today: string;
}

function Checkboxes<K extends string>({
  legend,
  prefix,
  options,
  chosen,
  label,
  onChange,
}: {
  legend: string;
  prefix: string;
  options: readonly K[];
  chosen: ReadonlySet<K>;
  label: (key: K) => string;
  onChange: (next: Set<K>) => void;
}) {
  return (
    <fieldset class="checkbox-group">
      <legend>{legend}</legend>
      {options.map((key) => {
        const id = `${prefix}-${key}`;
        return (
          <div class="checkbox" key={key}>
            <input
              type="checkbox"
              id={id}
              checked={chosen.has(key)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.currentTarget.checked) next.add(key);
                else next.delete(key);
                onChange(next);
              }}
            />
            <label for={id}>{label(key)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

function Progress({ t, stage }: { t: PacketT; stage: Stage }) {
  // Shown only after a second: a packet that is ready sooner never flashes a progress line.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 1_000);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  return (
    <p class="packet-progress" role="status">
      {t('packet.progress', { stage: t(`packet.stage.${stage}` as PacketKey) })}
    </p>
  );
}

export function PacketPage() {
  const t = useAreaT(packetMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const savedOrganization = useLiveQuery(() => (db ? readPacketOrganization(db) : undefined), [db]);
  const [departments, setDepartments] = useState<Set<string> | null>(null);
  const [sections, setSections] = useState<Set<SectionKey>>(() => new Set(SECTIONS));
  const [organization, setOrganization] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage | null>(null);
  const [assembled, setAssembled] = useState<Assembled | null>(null);
  const [problem, setProblem] = useState(false);

  if (!db || !user || savedOrganization === undefined) return <p class="muted">{t('print.loading')}</p>;
  const own = user.departments;
  const chosen = departments ?? new Set(own);
  const orgName = organization ?? savedOrganization;

  if (assembled && stage === null)
    return (
      <>
        <p class="packet-change print-toolbar">
          <button type="button" class="button button-secondary" onClick={() => setAssembled(null)}>
            {t('packet.change')}
          </button>
        </p>
        <PacketDocument
          code={assembled.code}
          data={assembled.data}
          sections={sections}
          departments={own.filter((d) => chosen.has(d))}
          organization={orgName}
          printedAt={assembled.printedAt}
          today={assembled.today}
        />
      </>
    );

  const make = async () => {
    if (chosen.size === 0 || sections.size === 0) {
      setProblem(true);
      return;
    }
    setProblem(false);
    setStage('contacts');
    await writePacketOrganization(db, orgName);
    const today = localDate(new Date());
    const data = await readPacketData(db, [...chosen], today, setStage);
    setStage('layout');
    setAssembled({ code: documentCode('PKT', shortId(uuidv7())), data, printedAt: new Date(), today });
    setStage(null);
  };

  return (
    <>
      <PageHeading title={t('packet.title')}>{t('packet.title')}</PageHeading>
      <p>{t('packet.intro')}</p>
      {own.length === 0 ? (
        <p class="empty-state">{t('packet.noDepartments')}</p>
      ) : (
        <form
          class="packet-options"
          onSubmit={(event) => {
            event.preventDefault();
            void make();
          }}
        >
          <Checkboxes
            legend={t('packet.departments')}
            prefix="packet-dept"
            options={own}
            chosen={chosen}
            label={(code) => code}
            onChange={setDepartments}
          />
          <Checkboxes
            legend={t('packet.sections')}
            prefix="packet-section"
            options={SECTIONS}
            chosen={sections}
            label={(key) => t(`packet.section.${key}` as PacketKey)}
            onChange={setSections}
          />
          <div class="field">
            <label for="packet-organization">{t('packet.organization')}</label>
            <input
              id="packet-organization"
              type="text"
              maxLength={200}
              value={orgName}
              aria-describedby="packet-organization-hint"
              onInput={(event) => setOrganization(event.currentTarget.value)}
            />
            <p id="packet-organization-hint" class="field-hint">
              {t('packet.organizationHint')}
            </p>
          </div>
          {problem && (
            <p class="form-error" role="alert">
              {t('packet.pickOne')}
            </p>
          )}
          <button type="submit" class="button" disabled={stage !== null}>
            {t('packet.make')}
          </button>
          {stage !== null && <Progress t={t} stage={stage} />}
        </form>
      )}
    </>
  );
}
