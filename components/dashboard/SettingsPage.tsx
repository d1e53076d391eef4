// Settings, and a plain statement of what Kith keeps and that it sends nothing anywhere.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { LIMITS, Settings, refuseOverLimit, refuseTooMany } from '@/lib/model';
import { targetKey } from '@/lib/network';
import { SavedElsewhere, overwritesIn } from '../SavedElsewhere';
import type { PageProps } from './Dashboard';

type SettingsFields = { cadence: string; goal: string; notifications: boolean; targets: string };

/**
 * What was typed in the settings form, field by field, and what each field showed when typing in
 * it began. A field not typed in shows what is saved, also after another tab saves, and saving
 * writes only the fields typed in; one saved elsewhere since it was typed in is said.
 */
export type SettingsForm = { typed: Partial<SettingsFields>; shown: Partial<SettingsFields> };

/** The fields whose text another tab may save over, by their labels. */
const TEXT_LABELS: Record<string, string> = { cadence: 'Keep in touch by default', goal: 'Weekly goal', targets: 'Target companies' };

const fieldsOf = (settings: Settings): SettingsFields => ({
  cadence: String(settings.defaultCadenceDays),
  goal: String(settings.weeklyGoal),
  notifications: settings.notifications,
  targets: settings.targets.join('\n'),
});

/**
 * The companies typed, one per line; one typed twice, in any case, accents, punctuation or legal
 * form, is kept as first typed, as the network map compares them (`targetKey`).
 */
function targetsIn(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((target) => target.trim())
    .filter((target) => {
      const key = targetKey(target);
      if (!target || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The change `typed` asks for; throws a sentence the user can act on for a number out of range. */
function changeOf(typed: Partial<SettingsFields>): Partial<Settings> {
  const change: Partial<Settings> = {};
  if (typed.cadence !== undefined) {
    const days = Number(typed.cadence);
    if (!Number.isInteger(days) || days < 1 || days > 3650) throw new Error('Keep in touch by default: a whole number of days from 1 to 3650');
    change.defaultCadenceDays = days;
  }
  if (typed.goal !== undefined) {
    const goal = Number(typed.goal);
    if (!Number.isInteger(goal) || goal < 0 || goal > 100) throw new Error('Weekly goal: a whole number from 0 to 100');
    change.weeklyGoal = goal;
  }
  if (typed.notifications !== undefined) change.notifications = typed.notifications;
  if (typed.targets !== undefined) {
    // Refused rather than cut, as every form of Kith's refuses: a 51st company would be dropped.
    const targets = targetsIn(typed.targets);
    refuseTooMany('Target companies', targets);
    for (const target of targets) refuseOverLimit(`Target companies, “${target.slice(0, 30)}…”`, target, LIMITS.company);
    change.targets = targets;
  }
  return change;
}

/**
 * Whether saving `typed` would change nothing: blank lines, leading zeros and a target typed
 * twice are no change, as the settings are stored.
 */
function savedAlready(typed: Partial<SettingsFields>, saved: Settings): boolean {
  let change: Partial<Settings>;
  try {
    change = changeOf(typed);
  } catch {
    return false;
  }
  const next = Settings.safeParse({ ...saved, ...change });
  return next.success && JSON.stringify(next.data) === JSON.stringify(saved);
}

type SettingsPageProps = PageProps & {
  /** What was typed here and not saved when the page was left. */
  typedBefore?: SettingsForm;
  /** Keep what is typed and not saved (undefined: nothing) while the user is on another page. */
  keepTyped: (typed: SettingsForm | undefined) => void;
};

export function SettingsPage({ deps, notebook, changed, typedBefore, keepTyped }: SettingsPageProps) {
  const id = useId();
  const saved = notebook.settings;
  const [typed, setTyped] = useState<Partial<SettingsFields>>(() => typedBefore?.typed ?? {});
  const [typedFrom, setTypedFrom] = useState<Partial<SettingsFields>>(() => typedBefore?.shown ?? {});
  const shown = { ...fieldsOf(saved), ...typed };
  const typeInto = <K extends keyof SettingsFields>(field: K, value: SettingsFields[K]) => {
    const now = fieldsOf(saved)[field];
    setTyped(({ [field]: _before, ...rest }) => (value === now ? rest : { ...rest, [field]: value }));
    setTypedFrom(({ [field]: from, ...rest }) => (value === now ? rest : { ...rest, [field]: from ?? now }));
  };
  const overwrites = overwritesIn(shown, { ...fieldsOf(saved), ...typedFrom }, fieldsOf(saved), TEXT_LABELS);

  // Leaving the page loses nothing typed: the dashboard keeps it until it is saved. Kept as each
  // change is drawn, not a frame later, so a page left at once after typing keeps it too.
  useLayoutEffect(() => {
    keepTyped(savedAlready(typed, saved) ? undefined : { typed, shown: typedFrom });
  }, [typed, typedFrom, saved, keepTyped]);
  const [error, setError] = useState<string>();
  // A refusal of the targets is tied to their field, which takes the keyboard to be fixed.
  const targetsRefused = error?.startsWith('Target companies') ?? false;
  const targetsField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (targetsRefused) targetsField.current?.focus();
  }, [error]);
  const [busy, setBusy] = useState(false);
  // undefined while asked; null when no shortcut is set.
  const [shortcut, setShortcut] = useState<string | null>();
  useEffect(() => {
    let live = true;
    deps.popupShortcut().then(
      (keys) => live && setShortcut(keys ?? null),
      () => live && setShortcut(null),
    );
    return () => {
      live = false;
    };
  }, [deps]);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // A new default cadence moves every keep-in-touch reminder: the worker does it as the
      // settings change, whoever changed them, and then tells the open pages.
      const sent = typed;
      await deps.saveSettings(changeOf(sent));
      await changed({ message: 'Settings saved.' });
      // Once the saved settings are shown; what was typed during the save stays typed.
      setTyped((now) => Object.fromEntries(Object.entries(now).filter(([field, value]) => sent[field as keyof SettingsFields] !== value)));
      setTypedFrom((from) => Object.fromEntries(Object.entries(from).filter(([field]) => !(field in sent))));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>Settings</h1>
      <form
        class="settings"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void save();
        }}
      >
        <label for={`${id}-cadence`}>Keep in touch by default every (days)</label>
        <input id={`${id}-cadence`} type="number" min={1} max={3650} required value={shown.cadence} onInput={(e) => typeInto('cadence', e.currentTarget.value)} />
        <label for={`${id}-goal`}>Weekly goal (interactions per week)</label>
        <input id={`${id}-goal`} type="number" min={0} max={100} required value={shown.goal} onInput={(e) => typeInto('goal', e.currentTarget.value)} />
        <label class="choice">
          <input type="checkbox" checked={shown.notifications} onChange={(e) => typeInto('notifications', e.currentTarget.checked)} />
          Show a notification when a reminder is due
        </label>
        <label for={`${id}-targets`}>Target companies (one per line)</label>
        <textarea
          id={`${id}-targets`}
          ref={targetsField}
          rows={4}
          value={shown.targets}
          onInput={(e) => typeInto('targets', e.currentTarget.value)}
          aria-invalid={targetsRefused || undefined}
          aria-describedby={targetsRefused ? `${id}-error` : undefined}
        />
        {error && (
          <p class="error" role="alert" id={`${id}-error`}>
            {error}
          </p>
        )}
        <SavedElsewhere overwrites={overwrites} typed={shown} />
        <div class="actions">
          {/* Not disabled while saving: a disabled button drops the keyboard's focus. */}
          <button type="submit" class="primary" aria-disabled={busy}>
            Save settings
          </button>
        </div>
      </form>

      <section aria-labelledby={`${id}-keys`}>
        <h2 id={`${id}-keys`}>Keyboard</h2>
        {shortcut !== undefined && (
          <p>
            {shortcut ? (
              <>
                <kbd>{shortcut}</kbd> opens Kith on the page you are on.
              </>
            ) : (
              'No keyboard shortcut opens Kith.'
            )}{' '}
            Choose another in your browser’s extension shortcuts (in Chrome, <code>chrome://extensions/shortcuts</code>).
          </p>
        )}
      </section>

      <section aria-labelledby={`${id}-privacy`} class="privacy">
        <h2 id={`${id}-privacy`}>What Kith stores, and where</h2>
        <p>
          Kith keeps your notebook in this browser only: the people you save (name, title, company, location, emails, phones,
          addresses, profile link, relationship, warmth, tags, notes, keep-in-touch cadence, who referred them and what they can
          help with), your interactions with them, your reminders, and these settings.
        </p>
        <p>
          <strong>Kith sends nothing anywhere.</strong> It has no server and no account, makes no network requests of its own, and
          does not load the photos it sees on profiles. Data leaves this browser only when you export a file yourself.
        </p>
        <p>Removing the extension deletes the notebook; export a backup first if you want to keep it.</p>
      </section>
    </section>
  );
}
