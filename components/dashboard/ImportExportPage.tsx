// Import (one control; the format is detected; a preview; applied whole or not at all) and
// export (CSV, vCard, iCalendar, JSON backup), all on this machine.
import { useId, useState } from 'preact/hooks';
import { failureMessage, readEverything } from '@/lib/db';
import { FORMAT_LABELS, type ImportBatch, ImportError, createBackup, decodeFileText, exportContactsCsv, exportInteractionsCsv, exportRemindersIcs, exportVcards, parseImport } from '@/lib/io';
import { type ImportReport, type MergeNote, applyImport, previewImport, takeableChanges } from '@/lib/io/apply';
import { syncAllKeepInTouch } from '@/lib/reminder-store';
import { localIsoDate } from '@/lib/reminders';
import { useFocusWhenLost } from '../focus-when-lost';
import type { PageProps } from './Dashboard';

type Phase =
  | { step: 'idle' }
  | { step: 'reading'; file: string }
  | { step: 'preview'; file: string; batch: ImportBatch; report: ImportReport }
  | { step: 'applying'; file: string }
  | { step: 'done'; file: string; report: ImportReport }
  | { step: 'failed'; file: string; message: string };

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const SHOWN = 100;

function ProblemList({ title, problems }: { title: string; problems: { where: string; reason: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <details open={problems.length <= 10}>
      <summary>
        {title} ({problems.length})
      </summary>
      <ul>
        {problems.slice(0, SHOWN).map((p) => (
          <li key={p.where}>
            {p.where}: {p.reason}
          </li>
        ))}
        {problems.length > SHOWN && <li>and {problems.length - SHOWN} more</li>}
      </ul>
    </details>
  );
}

/** The fields a merge takes from the file: as applied, or in a preview, as it would with the box ticked. */
const takenBy = (m: MergeNote, takeChanges: boolean) => (takeChanges && m.taken.length === 0 ? takeableChanges(m).map((d) => d.field) : m.taken);

const hasNewDetails = (m: MergeNote, takeChanges: boolean) => m.added.length > 0 || takenBy(m, takeChanges).length > 0;

function Summary({ report, applied, takeChanges }: { report: ImportReport; applied: boolean; takeChanges: boolean }) {
  const changedMerges = report.merged.filter((m) => hasNewDetails(m, takeChanges));
  return (
    <div class="import-summary">
      <p>
        {applied ? 'Added' : 'Will add'} <strong>{count(report.added.length, 'new contact')}</strong>.{' '}
        {report.merged.length > 0 && (
          <>
            {applied ? 'Merged' : 'Will merge'} <strong>{count(report.merged.length, 'contact')}</strong> already saved
            {` (${changedMerges.length.toLocaleString()} with new details, ${(report.merged.length - changedMerges.length).toLocaleString()} unchanged)`}.
          </>
        )}
        {report.interactions + report.reminders > 0 && ` ${count(report.interactions, 'interaction')} and ${count(report.reminders, 'reminder')}.`}
      </p>
      {report.merged.length > 0 && (
        // Open when a few saved contacts gain something (a backup bringing back emails removed
        // since, say): what an import adds to them is seen before it is applied.
        <details open={changedMerges.length > 0 && changedMerges.length <= 10}>
          <summary>Merged into saved contacts ({report.merged.length})</summary>
          <ul>
            {report.merged.slice(0, SHOWN).map((m) => {
              const taken = takenBy(m, takeChanges);
              const kept = m.kept.filter((d) => !taken.includes(d.field)).map((d) => d.field);
              return (
                <li key={m.where}>
                  {m.where}: {m.name} → <SavedContactLink note={m} inNewTab={!applied} />
                  {hasNewDetails(m, takeChanges) ? ` — ${[...m.added, ...taken.map((field) => `the file’s ${field}`)].join(', ')}` : ' — nothing new'}
                  {kept.length > 0 && ` (kept your ${kept.join(', ')})`}
                </li>
              );
            })}
            {report.merged.length > SHOWN && <li>and {report.merged.length - SHOWN} more</li>}
          </ul>
        </details>
      )}
      {report.settings === 'restored' && (
        <p>{applied ? 'Your settings from the backup were restored too.' : 'Your settings from the backup will be restored too.'}</p>
      )}
      {report.settings === 'kept' && (
        <p>
          {applied
            ? 'Your own settings stayed as they are; the backup’s were not applied.'
            : 'This notebook already has contacts, so your own settings stay as they are; the backup’s are not applied.'}
        </p>
      )}
      <ProblemList title="Repeated in the file, folded into one" problems={report.repeated} />
      <ProblemList
        title="Not added, as another contact has it (if they are one person, merge the two on either one’s page)"
        problems={report.heldByOthers}
      />
      <ProblemList title="Skipped" problems={report.skipped} />
      {applied && <ProblemList title="Left out, as they could not be imported" problems={report.invalid} />}
    </div>
  );
}

/** A saved contact a row merges into. From a preview, in a tab of its own: leaving the page would throw the preview and its choices away. */
function SavedContactLink({ note, inNewTab }: { note: MergeNote; inNewTab: boolean }) {
  const href = `#/contact/${encodeURIComponent(note.intoId)}`;
  if (!inNewTab) return <a href={href}>{note.into}</a>;
  return (
    <a href={href} target="_blank" rel="noopener" title="Opens in a new tab">
      {note.into}
    </a>
  );
}

/**
 * Saved contacts whose title, company or location the file has otherwise (people who moved job
 * since they were saved), and the choice to take the file's. Off unless asked: what the user
 * saved is never replaced without their say.
 */
function ChangesOffer({ report, take, onTake }: { report: ImportReport; take: boolean; onTake: (take: boolean) => void }) {
  const changed = report.merged.flatMap((m) => {
    const changes = takeableChanges(m);
    return changes.length ? [{ m, changes }] : [];
  });
  if (changed.length === 0) return null;
  return (
    <fieldset>
      <legend>
        {count(changed.length, 'saved contact')} {changed.length === 1 ? 'has' : 'have'} another title, company or location in this file
      </legend>
      <label class="choice">
        <input type="checkbox" checked={take} onChange={(event) => onTake(event.currentTarget.checked)} /> Update them to what the file
        says; what you saved goes into each one’s history
      </label>
      <details open={changed.length <= 10}>
        <summary>Show them</summary>
        <ul>
          {changed.slice(0, SHOWN).map(({ m, changes }) => (
            <li key={m.where}>
              {m.where}: <SavedContactLink note={m} inNewTab /> —{' '}
              {changes.map((d) => `${d.field}: ${d.saved} → ${d.incoming}`).join('; ')}
            </li>
          ))}
          {changed.length > SHOWN && <li>and {changed.length - SHOWN} more</li>}
        </ul>
      </details>
    </fieldset>
  );
}

/** Contacts an import would write: new ones, and saved ones it adds to or, as asked, changes. */
const contactsWritten = (report: ImportReport, takeChanges: boolean) =>
  report.added.length + report.merged.filter((m) => hasNewDetails(m, takeChanges)).length;

/** The Import button's text: what it writes. */
function importLabel(report: ImportReport, takeChanges: boolean): string {
  const contacts = contactsWritten(report, takeChanges);
  if (contacts > 0) return `Import ${count(contacts, 'contact')}`;
  if (report.interactions + report.reminders > 0) return `Import ${count(report.interactions, 'interaction')} and ${count(report.reminders, 'reminder')}`;
  return 'Import';
}

/** What an import left out of the file, as the user asked, for its status line ('' when nothing). */
const leftOut = (report: ImportReport) => (report.invalid.length ? ` Left out ${count(report.invalid.length, 'record')} that could not be imported.` : '');

/** A file with no one in it, or everyone in it already saved as it is, offers nothing to apply (unless it restores settings). */
const writesAnything = (report: ImportReport, takeChanges: boolean) =>
  contactsWritten(report, takeChanges) + report.interactions + report.reminders > 0 || report.settings === 'restored';

/**
 * What each export makes, as its button and the line beside it name it, and what it is for: only
 * the backup comes back whole, which a user restoring from another file would learn too late.
 */
const EXPORTS = {
  csv: { name: 'contacts (CSV)', use: 'One row per contact, for a spreadsheet. Kith does not import it back; the full backup is for that.' },
  log: { name: 'interaction log (CSV)', use: 'Every interaction logged, one per row, for a spreadsheet.' },
  vcf: {
    name: 'contacts (vCard)',
    use: 'Names, jobs, emails, phones, addresses, links, tags and notes, for an address book. Relationships, history, interactions and reminders are not in it.',
  },
  ics: { name: 'open reminders (iCalendar)', use: 'Each open reminder as an event, for a calendar.' },
  json: { name: 'full backup (JSON)', use: 'Everything, settings included: the file to import to restore your notebook or move it to another browser.' },
} as const;
type ExportKind = keyof typeof EXPORTS;

export function ImportExportPage({ deps, notebook, changed }: PageProps) {
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const [takeChanges, setTakeChanges] = useState(false);
  const [leaveOut, setLeaveOut] = useState(false);
  // Each step takes away the control that led to it (the file control while a preview shows, the
  // preview's buttons once pressed): the keyboard goes on to what the step shows, and after Cancel
  // to the file control again (drawn anew, `inputKey`; not on opening the page).
  const previewHeading = useFocusWhenLost<HTMLHeadingElement>(phase.step === 'preview' && phase);
  const reportHeading = useFocusWhenLost<HTMLHeadingElement>(phase.step === 'done' && phase);
  const failure = useFocusWhenLost<HTMLDivElement>(phase.step === 'failed' && phase);
  const fileInput = useFocusWhenLost<HTMLInputElement>(phase.step === 'idle' && inputKey);

  const choose = async (file: File | undefined) => {
    if (!file) return setPhase({ step: 'idle' });
    setPhase({ step: 'reading', file: file.name });
    setTakeChanges(false);
    setLeaveOut(false);
    try {
      const now = deps.now();
      const batch = parseImport(decodeFileText(new Uint8Array(await file.arrayBuffer())), now);
      const report = await previewImport(await deps.db(), batch, now);
      setPhase({ step: 'preview', file: file.name, batch, report });
    } catch (error) {
      const message = error instanceof ImportError || error instanceof Error ? error.message : String(error);
      setPhase({ step: 'failed', file: file.name, message });
      // A file control drawn anew: Chrome reports no change when the file it holds is chosen
      // again, which is what a user does after fixing it.
      setInputKey((k) => k + 1);
    }
  };

  const apply = async (file: string, batch: ImportBatch) => {
    setPhase({ step: 'applying', file });
    try {
      const db = await deps.db();
      const now = deps.now();
      const applied = await applyImport(db, batch, now, { takeChanges, leaveOutInvalid: leaveOut });
      // A restore's settings (they live outside the database) are saved before the keep-in-touch
      // reminders are set, so those follow the backup's cadence; the worker, told of the new
      // settings, sets the same. Settings not saved stay the user's own, and the status says so.
      let settings = notebook.settings;
      let unrestored = '';
      let report = applied;
      if (applied.settings === 'restored' && batch.settings) {
        try {
          settings = await deps.saveSettings(batch.settings);
        } catch (error) {
          unrestored = ` Your settings from the backup could not be restored: ${failureMessage(error)}`;
          report = { ...applied, settings: undefined };
        }
      }
      setPhase({ step: 'done', file, report });
      setInputKey((k) => k + 1);
      // New people get their keep-in-touch reminders: a step of its own, so the import stays one
      // transaction. The notebook is read again once, after it (at 100,000 contacts each read
      // takes over a second, and the reminders' transaction waited for one before it).
      const unsynced = await syncAllKeepInTouch(db, settings, deps.now()).then(
        () => '',
        (error: unknown) => ` Their keep-in-touch reminders could not be set: ${failureMessage(error)}`,
      );
      await changed({
        message: `Imported ${file}: ${count(report.added.length, 'new contact')}, ${report.merged.length} merged.${leftOut(report)}${unrestored}${unsynced}`,
      });
    } catch (error) {
      setPhase({ step: 'failed', file, message: failureMessage(error) });
    }
  };

  // One file at a time: at 100,000 contacts one takes seconds to make, and a second press would
  // make a second file.
  const [exporting, setExporting] = useState<ExportKind>();
  const [exportError, setExportError] = useState<string>();
  const [exported, setExported] = useState<string>();
  const exportAs = async (kind: ExportKind) => {
    if (exporting) return;
    setExporting(kind);
    setExportError(undefined);
    setExported(undefined);
    try {
      // The line saying so is drawn before the file is made, which holds the page while it is.
      await new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn)));
      const data = await readEverything(await deps.db());
      const now = deps.now();
      const stamp = localIsoDate(now);
      const made = async (): Promise<[file: string, type: string, text: string]> => {
        switch (kind) {
          case 'csv':
            return [`kith-contacts-${stamp}.csv`, 'text/csv;charset=utf-8', exportContactsCsv(data.contacts, data.interactions)];
          case 'log':
            return [`kith-interactions-${stamp}.csv`, 'text/csv;charset=utf-8', exportInteractionsCsv(data.interactions, data.contacts)];
          case 'vcf':
            return [`kith-contacts-${stamp}.vcf`, 'text/vcard;charset=utf-8', exportVcards(data.contacts)];
          case 'ics':
            return [`kith-reminders-${stamp}.ics`, 'text/calendar;charset=utf-8', exportRemindersIcs(data.reminders, data.contacts, now)];
          case 'json':
            return [`kith-backup-${stamp}.json`, 'application/json', createBackup({ ...data, settings: await deps.settings() }, now, await deps.timeZone())];
        }
      };
      const [file, type, text] = await made();
      deps.download(file, type, text);
      setExported(`Made ${file}: your browser saves it where it saves downloads.`);
    } catch (error) {
      setExportError(`Could not make the ${EXPORTS[kind].name}: ${failureMessage(error)}`);
    } finally {
      setExporting(undefined);
    }
  };

  return (
    // The sections are deliberately not labelled regions: the file control must be the one
    // thing on the page whose label is "Import".
    <section>
      <h1>Import &amp; export</h1>
      <section>
        <h2>Import a file</h2>
        <p class="muted" id={`${id}-hint`}>
          A LinkedIn <code>Connections.csv</code> (Settings → Data privacy → Get a copy of your data), a Google Contacts or Outlook CSV (also
          as a spreadsheet saves it again, with semicolons or tabs), a vCard file (.vcf) or a Kith backup (.json). Kith works out which it is and shows what will happen before anything
          is saved. People already in your notebook (the same profile link, or the same email under a name that can be theirs) are merged, never duplicated.
        </p>
        {/* While a preview waits for its Import button, the file control steps aside (Cancel brings it back). */}
        {phase.step !== 'preview' && phase.step !== 'applying' && (
          <>
            <label for={`${id}-file`}>Import</label>
            <input
              key={inputKey}
              ref={fileInput}
              id={`${id}-file`}
              type="file"
              accept=".csv,.tsv,.txt,.vcf,.vcard,.json,text/csv,text/tab-separated-values,text/plain,text/vcard,application/json"
              aria-describedby={`${id}-hint`}
              onChange={(event) => void choose(event.currentTarget.files?.[0])}
            />
          </>
        )}
        {/* Only the lines of work under way are announced as they change: the keyboard is taken to
            the preview, the report or the failure, which are read from there, and the import's
            outcome is the dashboard's status line. */}
        <p aria-live="polite">
          {phase.step === 'reading' && `Reading ${phase.file}…`}
          {phase.step === 'applying' && `Importing ${phase.file}…`}
        </p>
        <div class="import-result">
          {phase.step === 'failed' && (
            <div class="notice" role="alert" tabIndex={-1} ref={failure}>
              <p class="error">Could not import {phase.file}. Nothing was saved.</p>
              <p>{phase.message}</p>
            </div>
          )}
          {phase.step === 'preview' && (
            <div class="preview">
              <h3 tabIndex={-1} ref={previewHeading}>
                Preview: {phase.file} ({FORMAT_LABELS[phase.batch.format]})
              </h3>
              {phase.batch.invalid.length > 0 ? (
                <div class="notice" role="alert">
                  <p class="error">
                    {count(phase.batch.invalid.length, 'record')} in this file cannot be imported. Fix{' '}
                    {phase.batch.invalid.length === 1 ? 'it' : 'them'} in the file and choose it again, or import the others without{' '}
                    {phase.batch.invalid.length === 1 ? 'it' : 'them'}:
                  </p>
                  <ul>
                    {phase.batch.invalid.slice(0, SHOWN).map((p) => (
                      <li key={p.where}>
                        {p.where}: {p.reason}
                      </li>
                    ))}
                    {phase.batch.invalid.length > SHOWN && <li>and {phase.batch.invalid.length - SHOWN} more</li>}
                  </ul>
                  <label class="choice">
                    <input type="checkbox" checked={leaveOut} onChange={(event) => setLeaveOut(event.currentTarget.checked)} /> Import the others,
                    leaving {phase.batch.invalid.length === 1 ? 'this one' : `these ${phase.batch.invalid.length.toLocaleString()}`} out
                  </label>
                </div>
              ) : null}
              <Summary report={phase.report} applied={false} takeChanges={takeChanges} />
              <ChangesOffer report={phase.report} take={takeChanges} onTake={setTakeChanges} />
              {phase.report.merged.length > 0 && !writesAnything(phase.report, takeChanges) && (
                <p>
                  {phase.report.merged.some((m) => takeableChanges(m).length > 0)
                    ? 'Nothing else in this file is new.'
                    : 'Nothing new to import: everyone in this file is saved already, and the file adds nothing to them.'}
                </p>
              )}
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  disabled={(phase.batch.invalid.length > 0 && !leaveOut) || !writesAnything(phase.report, takeChanges)}
                  onClick={() => apply(phase.file, phase.batch)}
                >
                  {importLabel(phase.report, takeChanges)}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setPhase({ step: 'idle' });
                    setInputKey((k) => k + 1);
                  }}
                >
                  Cancel and choose another file
                </button>
              </div>
            </div>
          )}
          {phase.step === 'done' && (
            <div class="report">
              <h3 tabIndex={-1} ref={reportHeading}>
                Imported {phase.file}
              </h3>
              <Summary report={phase.report} applied takeChanges={false} />
            </div>
          )}
        </div>
      </section>

      <section>
        <h2>Export</h2>
        <p class="muted">Files are made here and saved by your browser; nothing is uploaded.</p>
        <ul class="exports">
          {(Object.keys(EXPORTS) as ExportKind[]).map((kind) => (
            <li key={kind}>
              <button type="button" aria-disabled={exporting !== undefined} aria-describedby={`export-${kind}-use`} onClick={() => exportAs(kind)}>
                Export {EXPORTS[kind].name}
              </button>
              <span id={`export-${kind}-use`} class="muted">
                {EXPORTS[kind].use}
              </span>
            </li>
          ))}
        </ul>
        <p class="muted" aria-live="polite">
          {exporting ? `Making the ${EXPORTS[exporting].name}…` : exported}
        </p>
        {exportError && (
          <p class="error" role="alert">
            {exportError}
          </p>
        )}
      </section>
    </section>
  );
}
