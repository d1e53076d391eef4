// A LinkedIn Connections.csv as LinkedIn exports it (the "Notes:" preamble, then the header),
// generated deterministically so tests know exactly what each row holds.
const FIRST = ['Ada', 'Bo', 'Cleo', 'Dev', 'Eun-ji', 'Farah', 'Gus', 'Hiroshi', 'Inès', 'Jonas', 'Kemi', 'Luca'];
const LAST = ['Quinlan', 'Lind', 'Park', 'Okafor', 'Müller', 'Haddad', 'Novak', 'Sato', 'García', 'Berg'];
const COMPANIES = ['Acme, Inc.', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Soylent'];
const POSITIONS = ['Software Engineer', 'Product Manager', 'Recruiter', 'Head of "Growth"', 'Designer', 'Data Scientist'];

export type Connection = { first: string; last: string; url: string; email: string; company: string; position: string };

export function connection(i: number): Connection {
  return {
    first: FIRST[i % FIRST.length],
    last: `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i}`,
    url: `https://www.linkedin.com/in/person-${i}-${(i * 7919) % 1000}`,
    email: i % 3 === 0 ? `person${i}@example.com` : '',
    // One company only one person works at, for the search test.
    company: i === 42 ? 'Vandelay Industries' : COMPANIES[i % COMPANIES.length],
    position: POSITIONS[i % POSITIONS.length],
  };
}

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function connectionsCsv(count: number, mangle?: (row: string, i: number) => string): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const c = connection(i);
    const row = [c.first, c.last, c.url, c.email, c.company, c.position, '22 Nov 2026'].map(cell).join(',');
    return mangle ? mangle(row, i) : row;
  });
  return [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    ...rows,
    '',
  ].join('\n');
}
