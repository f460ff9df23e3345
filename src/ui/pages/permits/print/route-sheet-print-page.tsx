// /permits/print/route-sheet?date=YYYY-MM-DD — a day's inspections (today by default) in route order by
// address, with blank columns for the arrival time, the outcome and the inspector's initials.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { localDate } from '../../../../storage/inspection-queries';
import { listRouteSheet } from '../../../../storage/print-queries';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode } from '../../../print/print-codes';
import { PrintDocument } from '../../../print/print-document';
import { useDatabase } from '../../../sync/use-sync-facts';
import { permitPrintMessages } from './messages';
import { formatDay, inspectionStatusLabel, outcomeLabel, permitNumber, text } from './print-labels';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function RouteSheetPrintPage() {
  const t = useAreaT(permitPrintMessages);
  const { query, path, route } = useLocation();
  const db = useDatabase();
  const date = DAY.test(query.date ?? '') ? (query.date as string) : localDate(new Date());
  const [picked, setPicked] = useState(date);
  const stops = useLiveQuery(() => (db ? listRouteSheet(db, date) : undefined), [db, date]);
  const day = formatDay(date, t.language);

  return (
    <PrintDocument
      title={t('permitPrint.route.title', { date: day })}
      code={documentCode('PRM-ROUTE', date)}
      orientation="landscape"
      intro={<p>{t('permitPrint.route.intro', { date: day })}</p>}
    >
      <form
        class="print-toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          if (DAY.test(picked)) route(`${path}?date=${picked}`);
        }}
      >
        <label for="route-day">{t('permitPrint.route.dateLabel')}</label>
        <input
          id="route-day"
          type="date"
          value={picked}
          onInput={(event) => setPicked(event.currentTarget.value)}
        />
        <button type="submit" class="button button-secondary">
          {t('permitPrint.route.show')}
        </button>
      </form>
      {stops === undefined ? (
        <p class="muted">{t('print.loading')}</p>
      ) : stops.length === 0 ? (
        <p>{t('permitPrint.route.empty')}</p>
      ) : (
        <>
          <p>{t('permitPrint.route.count', { count: stops.length })}</p>
          <table class="print-table roomy">
            <thead>
              <tr>
                <th scope="col">{t('permitPrint.col.order')}</th>
                <th scope="col">{t('permitPrint.col.address')}</th>
                <th scope="col">{t('permitPrint.col.permit')}</th>
                <th scope="col">{t('permitPrint.col.type')}</th>
                <th scope="col">{t('permitPrint.col.inspector')}</th>
                <th scope="col" class="blank">
                  {t('permitPrint.col.arrival')}
                </th>
                <th scope="col" class="blank">
                  {t('permitPrint.col.outcome')}
                </th>
                <th scope="col" class="blank">
                  {t('permitPrint.col.initials')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stops.map(({ inspection, permit, address }, i) => (
                <tr key={inspection.id}>
                  <td class="num">{i + 1}</td>
                  <th scope="row">{address}</th>
                  <td class="nowrap">{permit ? permitNumber(permit.fields).number : ''}</td>
                  <td>{text(inspection.fields.inspectionType)}</td>
                  <td>{text(inspection.fields.inspector)}</td>
                  <td class="blank" />
                  <td class="blank">
                    {inspection.fields.status === 'completed'
                      ? outcomeLabel(t, inspection.fields.outcome) ||
                        inspectionStatusLabel(t, inspection.fields.status)
                      : ''}
                  </td>
                  <td class="blank" />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </PrintDocument>
  );
}
