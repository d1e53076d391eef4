// The network map: every circle with its count and warm/cold split (empty circles shown as gaps
// to fill), the organisational advice, trust and grapevine networks, and the target companies
// with who the user knows there.
import { useId, useMemo } from 'preact/hooks';
import { type Contact, RELATIONSHIP_LABELS } from '@/lib/model';
import { circlesOf, orgNetworksOf, targetsOf } from '@/lib/network';
import { WARMTH_LABELS } from '../labels';
import type { PageProps } from './Dashboard';

const ROLE_TEXT = {
  advice: { title: 'Advice network', about: 'people others go to for expertise' },
  trust: { title: 'Trust network', about: 'people others confide in' },
  communication: { title: 'Grapevine', about: 'people who hear and pass on news' },
} as const;

function People({ people }: { people: Pick<Contact, 'id' | 'name' | 'warmth'>[] }) {
  return (
    <ul class="people">
      {people.slice(0, 50).map((c) => (
        <li key={c.id}>
          <a href={`#/contact/${encodeURIComponent(c.id)}`}>{c.name}</a> <span class="muted">({WARMTH_LABELS[c.warmth]})</span>
        </li>
      ))}
      {people.length > 50 && <li class="muted">and {people.length - 50} more</li>}
    </ul>
  );
}

export function MapPage({ notebook }: PageProps) {
  const id = useId();
  const circles = useMemo(() => circlesOf(notebook.contacts), [notebook]);
  const networks = useMemo(() => orgNetworksOf(notebook.contacts), [notebook]);
  const targets = useMemo(() => targetsOf(notebook.contacts, notebook.settings.targets), [notebook]);
  const largest = Math.max(1, ...circles.map((c) => c.total));
  const gaps = circles.filter((c) => c.total === 0);

  return (
    <section aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>Network map</h1>
      <h2 id={`${id}-circles`}>Circles</h2>
      <table class="circles" aria-labelledby={`${id}-circles`}>
        <thead>
          <tr>
            <th scope="col">Circle</th>
            <th scope="col">People</th>
            <th scope="col">Warm</th>
            <th scope="col">Cold</th>
            <th scope="col">
              <span class="visually-hidden">Share of the largest circle</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {circles.map((circle) => (
            <tr key={circle.relationship} data-circle={circle.relationship} class={circle.total === 0 ? 'gap' : undefined}>
              <th scope="row">{RELATIONSHIP_LABELS[circle.relationship]}</th>
              <td>{circle.total}</td>
              <td>{circle.warm}</td>
              <td>{circle.cold}</td>
              <td>
                {circle.total === 0 ? (
                  <span class="muted">A gap to fill</span>
                ) : (
                  <span class="bar" aria-hidden="true">
                    <span class="warm" style={{ width: `${(circle.warm / largest) * 100}%` }} />
                    <span class="cold" style={{ width: `${(circle.cold / largest) * 100}%` }} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {gaps.length > 0 && (
        <p class="muted">
          No one yet in: {gaps.map((c) => RELATIONSHIP_LABELS[c.relationship]).join(', ')}. Career advice says each circle can lead somewhere.
        </p>
      )}

      <h2>Inside organisations</h2>
      <div class="cards">
        {(['advice', 'trust', 'communication'] as const).map((role) => (
          <section key={role} class="card" aria-labelledby={`${id}-${role}`}>
            <h3 id={`${id}-${role}`}>
              {ROLE_TEXT[role].title}: {networks[role].length}
            </h3>
            <p class="muted">{ROLE_TEXT[role].about}</p>
            {networks[role].length ? <People people={networks[role]} /> : <p class="muted">No one marked yet (on a contact’s page).</p>}
          </section>
        ))}
      </div>

      <h2>Targets</h2>
      {targets.length === 0 ? (
        <p class="muted">
          No target companies yet. <a href="#/settings">Add the companies you want to work at</a> to see who you know there.
        </p>
      ) : (
        <div class="cards">
          {/* Ids by place, not by name: a space in an id breaks aria-labelledby, a list of ids. */}
          {targets.map(({ target, people }, i) => (
            <section key={target} class="card" aria-labelledby={`${id}-t-${i}`}>
              <h3 id={`${id}-t-${i}`}>
                {target}: {people.length} {people.length === 1 ? 'person' : 'people'}
              </h3>
              {people.length ? <People people={people} /> : <p class="muted">You know no one there yet.</p>}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
