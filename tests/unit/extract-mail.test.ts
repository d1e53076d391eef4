import { describe, expect, it } from 'vitest';
import { capturePage, extractPeople } from '@/lib/extract';
import { extractGmail, gmailOwnAddresses } from '@/lib/extract/gmail';
import { parseOutlookDate } from '@/lib/extract/outlook';
import { nameFromDisplayName } from '@/lib/extract/person';
import { loadFixture } from './load-fixture';

const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();

describe('Gmail, one message', () => {
  const { document, url } = loadFixture('gmail-single.html');

  it('reads the message’s date as Gmail writes it in the account’s language', () => {
    for (const title of [
      'Di., 4. März 2025, 09:14',
      'mar. 4 mars 2025, 09:14',
      'mar, 4 mar 2025, 9:14',
      'ter., 4 de mar. de 2025, 09:14',
      'mar 4 mar 2025, 09:14',
      'di 4 mrt 2025 09:14',
    ]) {
      const { document: page } = loadFixture('gmail-single.html');
      page.querySelector('span.g3')!.setAttribute('title', title);
      expect(extractGmail(page, url)[0].message?.at, title).toBe(local(2025, 3, 4, 9, 14));
    }
    const { document: page } = loadFixture('gmail-single.html');
    page.querySelector('span.g3')!.setAttribute('title', 'jeu. 31 juil. 2025, 18:05');
    expect(extractGmail(page, url)[0].message?.at).toBe(local(2025, 7, 31, 18, 5));
  });

  it('proposes the sender, then the other recipient; never the account, never an address quoted in the body', () => {
    const people = extractPeople(document, url);
    const message = { subject: 'Coffee next week?', at: local(2025, 3, 4, 9, 14), link: url };
    expect(people).toEqual([
      {
        name: 'Priya Natarajan',
        emails: ['priya.natarajan@northwind.example'],
        phones: [],
        source: 'gmail',
        fieldSources: { name: 'gmail:[name]', emails: 'gmail:[email]' },
        role: 'sender',
        message,
      },
      {
        name: 'Tom Lindqvist',
        emails: ['tom.lindqvist@northwind.example'],
        phones: [],
        source: 'gmail',
        fieldSources: { name: 'gmail:[name]', emails: 'gmail:[email]' },
        role: 'recipient',
        message,
      },
    ]);
    expect(capturePage(document, url).expected).toBe(true);
  });

  it('finds the account from the account button as well as the title', () => {
    expect([...gmailOwnAddresses(document)]).toEqual(['ava.reyes@gmail.com']);
    document.title = 'Gmail';
    expect([...gmailOwnAddresses(document)]).toEqual(['ava.reyes@gmail.com']);
  });

  it('takes the account from the end of the title, past addresses and length in the subject', () => {
    const page = loadFixture('gmail-single.html');
    for (const el of page.document.querySelectorAll('[aria-label*="@"]')) el.removeAttribute('aria-label');
    page.document.title = 'Intro to priya.natarajan@northwind.example - ava.reyes@gmail.com - Gmail';
    expect([...gmailOwnAddresses(page.document)]).toEqual(['ava.reyes@gmail.com']);
    expect(extractPeople(page.document, page.url)[0].emails).toEqual(['priya.natarajan@northwind.example']);
    page.document.title = `${'Re: '.repeat(200)}Coffee - ava.reyes@gmail.com - Gmail`;
    expect([...gmailOwnAddresses(page.document)]).toEqual(['ava.reyes@gmail.com']);
  });

  it('takes the account only from the page header, not from a labelled link in the message', () => {
    const page = loadFixture('gmail-single.html');
    const body = page.document.querySelector('.a3s')!;
    const link = page.document.createElement('a');
    link.setAttribute('href', 'mailto:tom.lindqvist@northwind.example');
    link.setAttribute('aria-label', 'Write to tom.lindqvist@northwind.example');
    link.textContent = 'Tom';
    body.append(link);
    expect([...gmailOwnAddresses(page.document)]).toEqual(['ava.reyes@gmail.com']);
    expect(extractPeople(page.document, page.url).map((p) => p.emails[0])).toContain('tom.lindqvist@northwind.example');
  });

  it('reads a name written surname first, or with pronouns beside it, as the person’s name', () => {
    const { document: page } = loadFixture('gmail-single.html');
    page.querySelector('span.gD')!.setAttribute('name', 'Natarajan, Priya');
    page.querySelector('[email="tom.lindqvist@northwind.example"]')!.setAttribute('name', 'Lindqvist, Tom (he/him)');
    expect(extractGmail(page, url).map((p) => [p.name, p.fieldSources?.name])).toEqual([
      ['Priya Natarajan', 'gmail:[name]'],
      ['Tom Lindqvist', 'gmail:[name]'],
    ]);
  });

  it('reads a display name without an honorific, credentials, a tagline after a bar or emoji', () => {
    const { document: page } = loadFixture('gmail-single.html');
    page.querySelector('span.gD')!.setAttribute('name', 'Dr. Priya Natarajan, PhD | Northwind 🚀');
    expect(extractGmail(page, url)[0].name).toBe('Priya Natarajan');
  });

  it('leaves out the user’s other addresses, which Gmail calls "me" as it does the account', () => {
    const alias = (word: string) => {
      const { document: page } = loadFixture('gmail-single.html');
      page.querySelector('[email="ava.reyes@gmail.com"]')!.setAttribute('name', word);
      const tom = page.querySelector('[email="tom.lindqvist@northwind.example"]')!;
      tom.setAttribute('email', 'ava@reyes-consulting.example');
      tom.setAttribute('name', word);
      return extractGmail(page, url).map((p) => p.emails?.[0]);
    };
    expect(alias('me')).toEqual(['priya.natarajan@northwind.example']);
    // In another language, by the word Gmail gives the account's own address in the thread.
    expect(alias('ich')).toEqual(['priya.natarajan@northwind.example']);
  });

  it('offers the author of a message forwarded in the body after the sender, from its header only', () => {
    const { document: page } = loadFixture('gmail-single.html');
    const forward = (header: string) => {
      page.querySelector('.a3s')!.insertAdjacentHTML('afterbegin', `<div>FYI<div class="gmail_quote"><div dir="ltr" class="gmail_attr">${header}</div>Hi Ava,</div></div>`);
      return extractGmail(page, url).map((p) => [p.name, p.emails?.[0], p.role, p.fieldSources?.name]);
    };
    const priya = ['Priya Natarajan', 'priya.natarajan@northwind.example', 'sender', 'gmail:[name]'];
    const tom = ['Tom Lindqvist', 'tom.lindqvist@northwind.example', 'recipient', 'gmail:[name]'];
    // A reply's quote names its author too, but is no forward.
    expect(forward('On Mon, Mar 3, 2025 at 9:00 AM Jane Okoro &lt;<a href="mailto:jane.okoro@acme.example">jane.okoro@acme.example</a>&gt; wrote:')).toEqual([priya, tom]);
    expect(
      forward(
        '---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Jane Okoro</strong> ' +
          '<span dir="auto">&lt;<a href="mailto:jane.okoro@acme.example">jane.okoro@acme.example</a>&gt;</span><br>Date: Mon, Mar 3, 2025<br>Subject: Coffee',
      ),
    ).toEqual([priya, ['Jane Okoro', 'jane.okoro@acme.example', 'sender', 'gmail:forwarded'], tom]);
  });

  it('links back by the legacy thread id when the URL does not name the thread', () => {
    const [first] = extractGmail(document, 'https://mail.google.com/mail/u/2/');
    expect(first.message?.link).toBe('https://mail.google.com/mail/u/2/#all/18e0a1b2c3d4e5f6');
  });
});

describe('Gmail, a thread with collapsed and expanded messages', () => {
  const { document, url } = loadFixture('gmail-thread.html');

  it('puts the latest expanded sender first, then other senders, then recipients, without the account', () => {
    const people = extractPeople(document, url);
    expect(people.map((p) => [p.name, p.emails, p.role, p.message?.at])).toEqual([
      ['Dana Whitaker', ['dana.whitaker@quillstone.example'], 'sender', local(2025, 3, 5, 10, 47)],
      ['Leo Fischer', ['leo.fischer@quillstone.example'], 'sender', local(2025, 3, 4, 8, 5)],
      ['Marta Silva', ['marta.silva@quillstone.example'], 'recipient', local(2025, 3, 5, 10, 47)],
    ]);
    expect(people[0].message).toEqual({
      subject: 'Intro: Dana ↔ Ava (platform roles)',
      at: local(2025, 3, 5, 10, 47),
      link: url,
    });
  });

  it('finds the messages by their legacy id where Gmail leaves out data-message-id', () => {
    const { document: page } = loadFixture('gmail-thread.html');
    for (const message of page.querySelectorAll('[data-message-id]')) message.removeAttribute('data-message-id');
    expect(extractPeople(page, url).map((p) => [p.name, p.role])).toEqual([
      ['Dana Whitaker', 'sender'],
      ['Leo Fischer', 'sender'],
      ['Marta Silva', 'recipient'],
    ]);
  });

  it('takes a post through a Google Group as the poster’s, never giving them the list’s address', () => {
    const { document: page } = loadFixture('gmail-thread.html');
    const list = 'kith-users@googlegroups.com';
    // Google Groups sends a post from a domain that forbids others to send as it under the list's address.
    for (const el of page.querySelectorAll('span.gD[email]:not([name="me"])')) {
      el.setAttribute('name', `'${el.getAttribute('name')}' via Kith Users`);
      el.setAttribute('email', list);
    }
    for (const el of page.querySelectorAll('span.g2[name="me"]')) {
      el.setAttribute('name', 'Kith Users');
      el.setAttribute('email', list);
    }
    // Dana is copied in by her own address, Leo only posted through the list: two people, and the list none.
    page.querySelector('span.g2[email^="leo"]')!.remove();
    expect(extractPeople(page, url).map((p) => [p.name, p.emails, p.role])).toEqual([
      ['Dana Whitaker', ['dana.whitaker@quillstone.example'], 'sender'],
      ['Leo Fischer', [], 'sender'],
      ['Marta Silva', ['marta.silva@quillstone.example'], 'recipient'],
    ]);
  });

  it('takes a comment notice "Jane Doe (via Google Docs)" as the commenter’s, without the service’s address', () => {
    const { document: page } = loadFixture('gmail-thread.html');
    const dana = page.querySelector('span.gD[email^="Dana"]')!;
    dana.setAttribute('name', 'Dana Whitaker (via Google Docs)');
    dana.setAttribute('email', 'comments-noreply@docs.google.com');
    page.querySelector('span.g2[email^="dana"]')!.remove();
    expect(extractPeople(page, url)[0]).toMatchObject({ name: 'Dana Whitaker', emails: [], role: 'sender' });
  });

  it('takes a notification a service sends in someone’s name as theirs, without the address it sends everyone’s from', () => {
    for (const [shown, address] of [
      ['Dana Whitaker', 'invitations@linkedin.com'],
      ['Dana Whitaker', 'notifications@github.com'],
      ['Dana Whitaker (Google Docs)', 'comments-noreply@docs.google.com'],
      ['Dana Whitaker', 'no-reply@calendly.example'],
      ['Dana Whitaker', 'no_reply@zoom.example'],
    ]) {
      const { document: page } = loadFixture('gmail-thread.html');
      const dana = page.querySelector('span.gD[email^="Dana"]')!;
      dana.setAttribute('name', shown);
      dana.setAttribute('email', address);
      page.querySelector('span.g2[email^="dana"]')!.remove();
      expect(extractPeople(page, url)[0], address).toMatchObject({ name: 'Dana Whitaker', emails: [], role: 'sender' });
    }
    // The service's own mail names nobody.
    for (const [shown, address] of [
      ['LinkedIn', 'messages-noreply@linkedin.com'],
      ['Google Calendar', 'calendar-notification@google.com'],
      ['Calendar', 'calendar-notification@google.com'],
      ['dependabot[bot]', 'notifications@github.com'],
      ['', 'notifications@github.com'],
    ]) {
      const { document: page } = loadFixture('gmail-thread.html');
      for (const el of page.querySelectorAll('span.gD[email]:not([name="me"])')) {
        el.setAttribute('name', shown);
        el.setAttribute('email', address);
      }
      expect(extractPeople(page, url).map((p) => p.name), address).toEqual(['Marta Silva', 'Leo Fischer', 'Dana Whitaker']);
    }
  });

  it('offers no recipient of a reply being written in the thread as a sender', () => {
    const { document: page } = loadFixture('gmail-thread.html');
    const before = extractPeople(page, url).map((p) => [p.name, p.role]);
    page
      .querySelector('[role="main"]')!
      .insertAdjacentHTML(
        'beforeend',
        '<div class="ip adB"><div class="M9"><form><div class="aoD hl"><span>To</span><div class="vR"><span class="vN bfK a3q" email="ben@q.example"><div class="vT">Ben Okafor</div></span></div></div></form></div></div>',
      );
    expect(extractPeople(page, url).map((p) => [p.name, p.role])).toEqual(before);
  });

  it('keeps a person’s own address that holds a word a service’s might', () => {
    for (const address of ['dana.mailer@quillstone.example', 'dana.alert@quillstone.example', 'dana-alerts@quillstone.example', 'invite.dana@quillstone.example']) {
      const { document: page } = loadFixture('gmail-thread.html');
      const dana = page.querySelector('span.gD[email^="Dana"]')!;
      dana.setAttribute('email', address);
      expect(extractPeople(page, url)[0], address).toMatchObject({ name: 'Dana Whitaker', emails: [address] });
    }
  });

  it('takes the quotes off a name the sender’s mail program quoted', () => {
    const { document: page } = loadFixture('gmail-thread.html');
    page.querySelector('span.gD[email^="Dana"]')!.setAttribute('name', "'Dana Whitaker'");
    page.querySelector('span.gD[email^="leo"]')!.setAttribute('name', '"Fischer, Leo"');
    expect(extractPeople(page, url).map((p) => p.name)).toEqual(['Dana Whitaker', 'Leo Fischer', 'Marta Silva']);
  });

  it('is no open message on the inbox list, and proposes none of its senders', () => {
    const { document: inbox } = loadFixture('gmail-thread.html');
    inbox.querySelector('[role="main"]')!.innerHTML = '<table class="F cf zt"><tr class="zA zE"><td><span class="yP" email="x@y.example" name="X">X</span></td></tr></table>';
    expect(capturePage(inbox, 'https://mail.google.com/mail/u/0/#inbox')).toMatchObject({ expected: false, people: [] });
  });

  it('reads the thread on screen, not one Gmail keeps hidden in the page from before; on the inbox, none', () => {
    const { document: page } = loadFixture('gmail-single.html');
    const earlier = page.querySelector<HTMLElement>('[role="main"]')!;
    earlier.style.display = 'none';
    const { document: next } = loadFixture('gmail-thread.html');
    earlier.after(page.importNode(next.querySelector('[role="main"]')!, true));
    const threadUrl = 'https://mail.google.com/mail/u/0/#label/Networking/FMfcgzQXJWcdGhJkLmNpQrStVwXyZbCd';
    const shown = extractPeople(next, loadFixture('gmail-thread.html').url);
    expect(extractPeople(page, threadUrl).map((p) => [p.name, p.message?.subject])).toEqual(shown.map((p) => [p.name, p.message?.subject]));
    // Back on the inbox, the thread kept hidden is no open message.
    page.querySelectorAll<HTMLElement>('[role="main"]')[1].style.display = 'none';
    expect(capturePage(page, 'https://mail.google.com/mail/u/0/#inbox')).toMatchObject({ expected: false, people: [] });
  });

  it('proposes none of the list’s senders beside a thread open in the reading pane', () => {
    const { document: page, url } = loadFixture('gmail-thread.html');
    const before = extractPeople(page, url).map((p) => p.name);
    page
      .querySelector('[role="main"]')!
      .insertAdjacentHTML('afterbegin', '<table class="F cf zt"><tr class="zA zE"><td><span class="yP" email="leo@list.example" name="Leo Fischer">Leo</span></td></tr></table>');
    expect(extractPeople(page, url).map((p) => p.name)).toEqual(before);
  });
});

describe('Outlook on the web, English', () => {
  const { document, url } = loadFixture('outlook-en.html');

  it('proposes the sender, then recipients with their addresses, never the signed-in account', () => {
    const people = extractPeople(document, url);
    const message = { subject: 'Partnership deck for Thursday', at: local(2025, 3, 4, 9, 14), link: url };
    expect(people).toEqual([
      {
        name: 'Grace Mbeki',
        emails: ['grace.mbeki@fabrikam.example'],
        phones: [],
        source: 'outlook',
        fieldSources: { name: 'outlook:aria-label=From', emails: 'outlook:address' },
        role: 'sender',
        message,
      },
      {
        name: 'Hugo Lefèvre',
        emails: ['hugo.lefevre@fabrikam.example'],
        phones: [],
        source: 'outlook',
        fieldSources: { name: 'outlook:RecipientWell', emails: 'outlook:address' },
        role: 'recipient',
        message,
      },
      {
        name: 'Ines Duarte',
        emails: ['ines@duarte-consulting.example'],
        phones: [],
        source: 'outlook',
        fieldSources: { name: 'outlook:RecipientWell', emails: 'outlook:address' },
        role: 'recipient',
        message,
      },
    ]);
    expect(capturePage(document, url).expected).toBe(true);
  });

  it('reads a message sent on behalf of someone as theirs, not as the delegate’s and theirs in one name', () => {
    const { document: page } = loadFixture('outlook-en.html');
    const from = page.querySelector('[aria-label="From: Grace Mbeki"]')!;
    from.setAttribute('aria-label', 'From: Talent Team <talent@fabrikam.example> on behalf of Grace Mbeki <grace.mbeki@fabrikam.example>');
    from.querySelector('span')!.textContent = 'Talent Team <talent@fabrikam.example> on behalf of Grace Mbeki <grace.mbeki@fabrikam.example>';
    expect(extractPeople(page, url)[0]).toMatchObject({ name: 'Grace Mbeki', emails: ['grace.mbeki@fabrikam.example'], role: 'sender' });
    // Sent by a person from a shared mailbox: theirs.
    const shared = 'Grace Mbeki <grace.mbeki@fabrikam.example> on behalf of Fabrikam Careers <careers@fabrikam.example>';
    from.setAttribute('aria-label', `From: ${shared}`);
    from.querySelector('span')!.textContent = shared;
    expect(extractPeople(page, url)[0]).toMatchObject({ name: 'Grace Mbeki', emails: ['grace.mbeki@fabrikam.example'] });
    // The words in a name, with no address before them, are the name's.
    from.setAttribute('aria-label', 'From: Stichting Namens de Bewoners');
    from.querySelector('span')!.textContent = 'Stichting Namens de Bewoners<info@bewoners.example>';
    expect(extractPeople(page, url)[0].name).toBe('Stichting Namens de Bewoners');
  });
});

describe('Outlook on the web, posts through a list or a service', () => {
  it('reads them as the poster’s, never giving them the address everyone posts from', () => {
    const { document: page, url } = loadFixture('outlook-en.html');
    const from = page.querySelector('[aria-label="From: Grace Mbeki"]')!;
    const sentAs = (shown: string) => {
      from.setAttribute('aria-label', `From: ${shown}`);
      from.querySelector('span')!.textContent = shown;
      return extractPeople(page, url)[0];
    };
    expect(sentAs("'Grace Mbeki' via Kith Users <kith-users@googlegroups.com>")).toMatchObject({ name: 'Grace Mbeki', emails: [], role: 'sender' });
    expect(sentAs('Grace Mbeki via LinkedIn <messages-noreply@linkedin.com>')).toMatchObject({ name: 'Grace Mbeki', emails: [], role: 'sender' });
    expect(sentAs('Grace Mbeki <invitations@linkedin.com>')).toMatchObject({ name: 'Grace Mbeki', emails: [], role: 'sender' });
    expect(sentAs('LinkedIn <messages-noreply@linkedin.com>')).toMatchObject({ name: 'Hugo Lefèvre', role: 'recipient' });
  });
});

describe('Outlook on the web, names written surname first or with pronouns', () => {
  it('reads them as the person’s name, and knows the account’s name written either way', () => {
    const { document, url } = loadFixture('outlook-en.html');
    const from = document.querySelector('[aria-label^="From:"]')!;
    from.setAttribute('aria-label', 'From: Mbeki, Grace (she/her)');
    from.querySelector('span')!.textContent = 'Mbeki, Grace (she/her)<grace.mbeki@fabrikam.example>';
    const [accountChip, hugoChip] = document.querySelectorAll('[data-testid="RecipientWell"] [role="listitem"] span');
    accountChip.textContent = 'Reyes, Ava';
    hugoChip.textContent = 'Lefèvre, Hugo';
    const names = () => extractPeople(document, url).map((p) => p.name);
    expect(names()).toEqual(['Grace Mbeki', 'Hugo Lefèvre', 'Ines Duarte']);
    document.title = 'Mail - Reyes, Ava - Outlook';
    document.querySelector('#mectrl_currentAccount_primary')!.textContent = 'Reyes, Ava';
    accountChip.textContent = 'Ava Reyes';
    expect(names()).toEqual(['Grace Mbeki', 'Hugo Lefèvre', 'Ines Duarte']);
  });
});

describe('Outlook on the web at outlook.cloud.microsoft, where work accounts are now served', () => {
  it('reads the open message with the Outlook reader, not the mailto link in its body', () => {
    const { document } = loadFixture('outlook-en.html');
    const url = 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkADAwATM3ZmYAZS1hYjQ2LTk2ZjEALTAwAi0wMAoAEABXq%2FzR6Zt4Q6rW5Kc1dHfN';
    const capture = capturePage(document, url);
    expect(capture.expected).toBe(true);
    expect(capture.people[0]).toMatchObject({ name: 'Grace Mbeki', emails: ['grace.mbeki@fabrikam.example'], source: 'outlook', role: 'sender' });
    expect(capture.people.map((p) => p.source)).not.toContain('mailto');
  });
});

describe('Outlook on the web, a message that quotes a header', () => {
  it('reads the sender from the header, not a "From:" label in the message text', () => {
    const { document, url } = loadFixture('outlook-en.html');
    const quoted = document.createElement('span');
    quoted.setAttribute('aria-label', 'From: Mallory <mallory@evil.example>');
    quoted.textContent = 'Mallory';
    document.querySelector('[id^="UniqueMessageBody_"]')!.prepend(quoted);
    const people = extractPeople(document, url);
    expect(people[0]).toMatchObject({ name: 'Grace Mbeki', role: 'sender' });
    expect(people.flatMap((p) => p.emails)).not.toContain('mallory@evil.example');
  });
});

describe('Outlook on the web, a sender without a From label', () => {
  it('reads the sender from the line before the recipients, with or without "From:" in its text', () => {
    for (const sender of [
      '<span title="grace.mbeki@fabrikam.example">Grace Mbeki</span>',
      '<span class="_vh">From:</span> <span>Grace Mbeki&lt;grace.mbeki@fabrikam.example&gt;</span>',
    ]) {
      const { document, url } = loadFixture('outlook-en.html');
      const from = document.querySelector('[aria-label^="From:"]')!;
      from.removeAttribute('aria-label');
      from.innerHTML = sender;
      expect(extractPeople(document, url).map((p) => [p.name, p.emails, p.role])[0], sender).toEqual(['Grace Mbeki', ['grace.mbeki@fabrikam.example'], 'sender']);
    }
  });
});

describe('Outlook on the web, in languages written in other scripts or with a longer label', () => {
  it('reads the sender without the From label in Hebrew, Arabic, Thai, Vietnamese, Indonesian, Malay and Romanian', () => {
    for (const label of ['מאת:', 'من:', 'จาก:', 'Từ:', 'Dari:', 'Daripada:', 'De la:']) {
      const { document, url } = loadFixture('outlook-en.html');
      document.querySelector('[aria-label^="From:"]')!.setAttribute('aria-label', `${label} Grace Mbeki`);
      expect(extractPeople(document, url).map((p) => [p.name, p.emails, p.role])[0], label).toEqual(['Grace Mbeki', ['grace.mbeki@fabrikam.example'], 'sender']);
    }
  });
});

describe('Outlook on the web, recipients drawn with their separators', () => {
  it('reads a name without the separator that follows it', () => {
    const { document, url } = loadFixture('outlook-de.html');
    const well = document.querySelector('[data-testid="RecipientWell"]')!;
    well.innerHTML = '<span>An:</span> <span>Max Müller;</span> <span title="ada@quinlan.example">Ada Quinlan ;</span>';
    const recipients = extractPeople(document, url).filter((p) => p.role === 'recipient');
    expect(recipients.map((p) => p.name)).toEqual(['Max Müller', 'Ada Quinlan']);
  });
});

describe('Outlook on the web, German', () => {
  const { document, url } = loadFixture('outlook-de.html');

  it('reads "Von:" labels and German dates; the latest message sender first', () => {
    const people = extractPeople(document, url);
    expect(people.map((p) => [p.name, p.emails, p.role, p.message?.at, p.message?.subject])).toEqual([
      ['Jonas Weber', ['jonas.weber@kranich-werke.example'], 'sender', local(2025, 3, 5, 14, 30), 'Re: Mentoring-Programm 2025'],
      ['Lea Brandt', ['lea.brandt@kranich-werke.example'], 'sender', local(2025, 3, 4, 9, 14), 'Re: Mentoring-Programm 2025'],
    ]);
  });

  it('reads French "De :" labels', () => {
    const { document: french } = loadFixture('outlook-de.html');
    french.documentElement.lang = 'fr-FR';
    french.querySelectorAll('[aria-label^="Von:"]').forEach((el) => el.setAttribute('aria-label', el.getAttribute('aria-label')!.replace('Von:', 'De :')));
    expect(extractPeople(french, url).map((p) => p.name)).toEqual(['Jonas Weber', 'Lea Brandt']);
  });

  it('is no open message when the reading pane is empty', () => {
    const { document: empty } = loadFixture('outlook-de.html');
    empty.querySelector('#ReadingPaneContainerId')!.innerHTML = '<div>Wählen Sie ein Element aus, das gelesen werden soll</div>';
    expect(capturePage(empty, 'https://outlook.live.com/mail/0/')).toMatchObject({ expected: false, people: [] });
  });
});

describe('parseOutlookDate', () => {
  it('reads the date in the order the page language writes it', () => {
    expect(parseOutlookDate('Tue 3/4/2025 9:14 PM', 'en-US')).toBe(local(2025, 3, 4, 21, 14));
    expect(parseOutlookDate('Tue 04/03/2025 21:14', 'en-GB')).toBe(local(2025, 3, 4, 21, 14));
    expect(parseOutlookDate('mar. 04/03/2025 09:14', 'fr-FR')).toBe(local(2025, 3, 4, 9, 14));
    expect(parseOutlookDate('2025-03-04 09:14', 'sv-SE')).toBe(local(2025, 3, 4, 9, 14));
    expect(parseOutlookDate('Tue 3/4/2025 9:14 p.m.', 'EN-us')).toBe(local(2025, 3, 4, 21, 14));
    expect(parseOutlookDate('Tue 3/4/2025 12:05 AM', 'en')).toBe(local(2025, 3, 4, 0, 5));
    expect(parseOutlookDate('Yesterday', 'en-US')).toBeUndefined();
    expect(parseOutlookDate('13/13/2025', 'en-US')).toBeUndefined();
  });
});

describe('a mail app’s display name as a person’s name', () => {
  it('puts the given name first, leaving out a directory’s tag, and leaves a name it cannot reorder as shown', () => {
    expect(nameFromDisplayName('Doe, Jane')).toBe('Jane Doe');
    expect(nameFromDisplayName('Smith, John (Sales)')).toBe('John Smith');
    expect(nameFromDisplayName('Müller, Jürgen [EXT]')).toBe('Jürgen Müller');
    expect(nameFromDisplayName('Lee, Sam (they/them)')).toBe('Sam Lee');
    expect(nameFromDisplayName('Acme Support (Tier 2)')).toBe('Acme Support (Tier 2)');
    expect(nameFromDisplayName('Sam Lee, Jr. (Legal)')).toBe('Sam Lee, Jr. (Legal)');
  });
});
