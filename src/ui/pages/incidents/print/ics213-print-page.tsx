// /incidents/:id/general-messages/:messageId/print — a general message as the ICS 213 form: blocks 1 to 8
// (incident, to, from, subject, date, time, message, approved by with a signature line), and the reply
// block: 9 the reply (or lines to write it on) and 10 replied by, with a signature line.
import { useRoute } from 'preact-iso';
import { getMessageSheet } from '../../../../storage/incident-print-queries';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintSection, WriteLine } from '../../../print/print-parts';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ExerciseBadge } from '../exercise-badge';
import { FormBlock, FormBlocks } from './form-blocks';
import { incidentPrintMessages } from './messages';
import { formatStamp, printTimeZone, text } from './print-model';
import './incident-print.css';

export const ics213Code = (messageId: string, exercise: boolean) =>
  documentCode(exercise ? 'EX-ICS213' : 'ICS213', shortId(messageId));

const nameAndPosition = (name: unknown, position: unknown) =>
  [text(name), text(position)].filter(Boolean).join(', ');

export function Ics213PrintPage() {
  const t = useAreaT(incidentPrintMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const incidentId = params.id ?? '';
  const messageId = params.messageId ?? '';
  const sheet = useLiveQuery(
    () => (db ? getMessageSheet(db, incidentId, messageId) : undefined),
    [db, incidentId, messageId],
  );
  if (sheet === undefined) return <PrintStatus state="loading" />;
  if (sheet === null) return <PrintStatus state="missing" />;

  const { incident, message, reply } = sheet;
  const f = message.fields;
  const exercise = incident?.fields.exercise === true;
  const subject = text(f.subject);
  const [date = '', time = ''] = formatStamp(f.sentAt).split(' ');
  const repliedAt = reply ? formatStamp(reply.fields.repliedAt) : '';

  return (
    <PrintDocument
      title={t(exercise ? 'incidentPrint.213.exerciseTitle' : 'incidentPrint.213.title', { subject })}
      code={ics213Code(message.id, exercise)}
      heading={
        <>
          {t('incidentPrint.213.heading')} <ExerciseBadge exercise={exercise} />
        </>
      }
      intro={
        <>
          {exercise && (
            <p>
              <ExerciseBadge exercise long />
            </p>
          )}
          <p>{subject}</p>
          {message.pending && <p>{t('incidentPrint.213.pending')}</p>}
        </>
      }
    >
      <FormBlocks columns={2}>
        <FormBlock label={t('incidentPrint.213.block1')} wide>
          {text(incident?.fields.name)}
        </FormBlock>
        <FormBlock label={t('incidentPrint.213.block2')}>{nameAndPosition(f.toName, f.toPosition)}</FormBlock>
        <FormBlock label={t('incidentPrint.213.block3')}>
          {nameAndPosition(f.fromName, f.fromPosition)}
        </FormBlock>
        <FormBlock label={t('incidentPrint.213.block4')} wide>
          {subject}
        </FormBlock>
        <FormBlock label={t('incidentPrint.213.block5')}>{date}</FormBlock>
        <FormBlock label={t('incidentPrint.213.block6')}>{time}</FormBlock>
      </FormBlocks>
      <p class="muted">{t('incidentPrint.timeZone', { zone: printTimeZone() })}</p>

      <PrintSection title={t('incidentPrint.213.block7')}>
        <p class="ics-message-text">{text(f.message)}</p>
      </PrintSection>

      <section class="print-section print-keep">
        <h2>{t('incidentPrint.213.block8')}</h2>
        <FormBlocks columns={2}>
          <FormBlock label={t('incidentPrint.name')}>{text(f.approvedByName)}</FormBlock>
          <FormBlock label={t('incidentPrint.position')}>{text(f.approvedByPosition)}</FormBlock>
        </FormBlocks>
        <WriteLine label={t('print.signature')} />
      </section>

      <section class="print-section print-keep ics-reply">
        <h2>{t('incidentPrint.213.block9')}</h2>
        {reply ? (
          <p class="ics-message-text">{text(reply.fields.reply)}</p>
        ) : (
          <WriteLine label={t('incidentPrint.213.noReply')} lines={6} />
        )}
      </section>

      <section class="print-section print-keep">
        <h2>{t('incidentPrint.213.block10')}</h2>
        {reply ? (
          <>
            <FormBlocks>
              <FormBlock label={t('incidentPrint.name')}>{text(reply.fields.repliedByName)}</FormBlock>
              <FormBlock label={t('incidentPrint.position')}>
                {text(reply.fields.repliedByPosition)}
              </FormBlock>
              <FormBlock label={t('incidentPrint.dateTime')}>{repliedAt}</FormBlock>
            </FormBlocks>
            <WriteLine label={t('print.signature')} />
          </>
        ) : (
          <div class="write-row">
            <WriteLine label={t('incidentPrint.name')} width="half" />
            <WriteLine label={t('incidentPrint.position')} width="half" />
            <WriteLine label={t('print.signature')} width="half" />
            <WriteLine label={t('incidentPrint.dateTime')} hint={t('incidentPrint.timeHint')} width="half" />
          </div>
        )}
      </section>
    </PrintDocument>
  );
}
