import { describe, expect, it } from 'vitest';
import { capturePage, extractPeople } from '@/lib/extract';
import { extractLinkedIn, withoutNameBadges } from '@/lib/extract/linkedin';
import { fixtureHtml, loadFixture } from './load-fixture';

describe('LinkedIn, logged-out public page', () => {
  const { document, url } = loadFixture('linkedin-public.html');

  it('reads the person from JSON-LD: current employer, not the past one; canonical URL from a country subdomain', () => {
    const [person, ...others] = extractPeople(document, url);
    expect(others).toEqual([]);
    expect(person).toMatchObject({
      name: 'Ada Quinlan',
      title: 'Staff Engineer',
      company: 'Harbor Labs',
      location: 'Lisbon, Portugal',
      emails: [],
      profileUrl: 'https://www.linkedin.com/in/ada-quinlan-4b2a91/',
      photoUrl: 'https://media.licdn.com/dms/image/v2/C4D03AQ/profile-displayphoto-shrink_200_200/ada.jpg',
      source: 'linkedin',
    });
    expect(person.fieldSources).toEqual({
      name: 'json-ld',
      title: 'json-ld',
      company: 'json-ld',
      location: 'json-ld',
      profileUrl: 'location.href',
      photoUrl: 'json-ld',
    });
  });

  it('falls back to Open Graph, the title and the top card when the JSON-LD is gone', () => {
    document.querySelectorAll('script[type="application/ld+json"]').forEach((s) => s.remove());
    const [person] = extractLinkedIn(document, url);
    expect(person).toMatchObject({
      name: 'Ada Quinlan',
      title: 'Staff Engineer',
      company: 'Harbor Labs',
      location: 'Lisbon, Lisbon, Portugal',
      photoUrl: 'https://media.licdn.com/dms/image/v2/C4D03AQ/profile-displayphoto-shrink_800_800/ada-og.jpg',
    });
    expect(person.fieldSources).toMatchObject({
      name: 'profile:first_name',
      title: 'document.title',
      company: 'data-tracking-control-name=topcard-current-company',
      location: '.top-card__subline-item',
      photoUrl: 'og:image',
    });
  });

  it('passes over the head’s JSON-LD and metadata when they describe the profile the app moved away from', () => {
    // LinkedIn's app moves between profiles by swapping the body and title and pushing the address.
    const { document: page } = loadFixture('linkedin-public.html');
    const { document: next, url: nextUrl } = loadFixture('linkedin-2026.html');
    page.title = next.title;
    page.body.innerHTML = next.body.innerHTML;
    const [person] = extractLinkedIn(page, `https://uk.linkedin.com${new URL(nextUrl).pathname}`);
    const [alone] = extractLinkedIn(next, nextUrl);
    expect(person).toMatchObject({ name: 'Kenji Morales', title: alone.title, photoUrl: alone.photoUrl });
    expect(person.fieldSources).toEqual(alone.fieldSources);
  });

  it('takes no company named in the title for the headline', () => {
    const { document: page } = loadFixture('linkedin-public.html');
    for (const script of page.querySelectorAll('script[type="application/ld+json"]')) script.textContent = script.textContent!.replace(/"jobTitle":\s*\[[^\]]*\],?/, '');
    page.title = 'Ada Quinlan - Harbor Labs | LinkedIn';
    const [person] = extractLinkedIn(page, url);
    expect([person.title, person.company]).toEqual(['Staff Engineer at Harbor Labs · Building tools for maintainers', 'Harbor Labs']);
  });

  it('uses the top card classes when metadata and title are gone too, never the sidebar', () => {
    const { document: bare } = loadFixture('linkedin-public.html');
    bare.head.innerHTML = '<title>LinkedIn</title>';
    const [person] = extractLinkedIn(bare, url);
    expect(person).toMatchObject({
      name: 'Ada Quinlan',
      title: 'Staff Engineer at Harbor Labs · Building tools for maintainers',
      company: 'Harbor Labs',
      photoUrl: 'https://media.licdn.com/dms/image/v2/C4D03AQ/profile-displayphoto-shrink_200_200/ada.jpg',
    });
    expect(person.fieldSources).toMatchObject({
      name: 'h1.top-card-layout__title',
      title: 'h2.top-card-layout__headline',
      photoUrl: 'img.top-card-layout__entity-image',
    });
  });
});

describe('LinkedIn, signed-in page of 2021–2025', () => {
  const { document, url } = loadFixture('linkedin-2023.html');

  it('reads the top card, without badges, the nav user, the sidebar or the messaging overlay', () => {
    const people = extractPeople(document, url);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      name: 'Rosa Lindqvist',
      title: 'Head of Partnerships',
      company: 'Meridian Health',
      location: 'Gothenburg, Västra Götaland County, Sweden',
      profileUrl: 'https://www.linkedin.com/in/rosa-lindqvist/',
      photoUrl: 'https://media.licdn.com/dms/image/v2/D4D03AQ/profile-displayphoto-shrink_400_400/rosa.jpg',
    });
    expect(people[0].fieldSources).toEqual({
      name: 'h1.text-heading-xlarge',
      title: 'div.text-body-medium.break-words',
      company: 'aria-label=Current company',
      location: 'span.text-body-small.inline.t-black--light.break-words',
      profileUrl: 'location.href',
      photoUrl: 'img.pv-top-card-profile-picture__image--show',
    });
  });

  it('finds the current company from a localised aria-label', () => {
    const { document: german } = loadFixture('linkedin-2023.html');
    german
      .querySelector('button[aria-label^="Current company"]')!
      .setAttribute('aria-label', 'Aktuelles Unternehmen: Meridian Health. Klicken, um zur Berufserfahrung zu springen');
    expect(extractLinkedIn(german, url)[0]).toMatchObject({ company: 'Meridian Health', fieldSources: { company: 'aria-label=Current company' } });
  });

  it('finds the current company from a Japanese aria-label, and leaves it out of the title', () => {
    const { document: page } = loadFixture('linkedin-2023.html');
    const button = page.querySelector('button[aria-label^="Current company"]')!;
    button.setAttribute('aria-label', '現在の会社: Meridian Health。クリックして職歴カードに移動');
    expect(extractLinkedIn(page, url)[0]).toMatchObject({ title: 'Head of Partnerships', company: 'Meridian Health' });
    // The name only in the label, as while the logo's text loads.
    button.replaceChildren();
    expect(extractLinkedIn(page, url)[0].company).toBe('Meridian Health');
  });

  it('reads the email from the contact-info overlay of a profile whose address has letters of other alphabets, its link written either way', () => {
    for (const link of ['/in/jürgen-müller/', '/in/j%C3%BCrgen-m%C3%BCller/']) {
      const { document: page } = loadFixture('linkedin-2023.html');
      for (const own of page.querySelectorAll('a[href*="/overlay/"]')) own.setAttribute('href', own.getAttribute('href')!.replace('rosa-lindqvist', 'jürgen-müller'));
      page.body.insertAdjacentHTML(
        'beforeend',
        `<div role="dialog" aria-label="Contact info"><a href="${link}">linkedin.com/in/jürgen-müller</a><a href="mailto:juergen@lumen.example">juergen@lumen.example</a></div>`,
      );
      expect(extractLinkedIn(page, 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/overlay/contact-info/')[0]?.emails, link).toEqual(['juergen@lumen.example']);
    }
  });

  it('reads the email from the contact-info overlay, not from a conversation in the messaging overlay', () => {
    const { document: page } = loadFixture('linkedin-2023.html');
    page.body.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog" aria-label="Conversation with Jonah Whitfield"><a href="mailto:jonah@whitfield.example">jonah@whitfield.example</a></div>' +
        '<div role="dialog" aria-labelledby="ci"><h2 id="ci">Contact Info</h2>' +
        '<section><h3>Rosa’s Profile</h3><a href="https://www.linkedin.com/in/rosa-lindqvist">linkedin.com/in/rosa-lindqvist</a></section>' +
        '<section><h3>Email</h3><a href="mailto:Rosa.Lindqvist@meridian.example">Rosa.Lindqvist@meridian.example</a></section></div>',
    );
    const [person] = extractLinkedIn(page, 'https://www.linkedin.com/in/rosa-lindqvist/overlay/contact-info/?lipi=x');
    expect(person).toMatchObject({
      name: 'Rosa Lindqvist',
      emails: ['rosa.lindqvist@meridian.example'],
      profileUrl: 'https://www.linkedin.com/in/rosa-lindqvist/',
      fieldSources: { emails: 'contact info mailto' },
    });
  });

  it('takes the name from document.title, without the notification count, when the heading is gone', () => {
    const { document: loading } = loadFixture('linkedin-2023.html');
    loading.querySelector('main h1')!.remove();
    expect(extractLinkedIn(loading, url)[0]).toMatchObject({ name: 'Rosa Lindqvist', fieldSources: { name: 'document.title' } });
  });
});

describe('LinkedIn, 2026 page with hashed classes', () => {
  const { document, url } = loadFixture('linkedin-2026.html');

  it('reads structure only: first h1 of main, the lines after it, the company link, the profile photo', () => {
    const people = extractPeople(document, url);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      name: 'Kenji Morales',
      title: 'Product Designer · Accessibility advocate',
      company: 'Lumen Works',
      location: 'Montréal, Quebec, Canada',
      profileUrl: 'https://www.linkedin.com/in/kenji-morales-8812a/',
      photoUrl: 'https://media.licdn.com/dms/image/v2/D5603AQ/profile-displayphoto-shrink_400_400/kenji.jpg',
    });
    expect(people[0].fieldSources).toEqual({
      name: 'main h1',
      title: 'top card text after h1',
      company: 'top card a[href*=/company/]',
      location: 'top card text after headline',
      profileUrl: 'location.href',
      photoUrl: 'top card img[src*=profile-displayphoto]',
    });
  });

  it('passes over a sidebar of other people even when it comes first inside main', () => {
    const { document: moved } = loadFixture('linkedin-2026.html');
    const main = moved.querySelector('main')!;
    main.prepend(moved.querySelector('aside[aria-label="More profiles for you"]')!);
    const [person] = extractPeople(moved, url);
    expect(person).toMatchObject({
      name: 'Kenji Morales',
      title: 'Product Designer · Accessibility advocate',
      photoUrl: 'https://media.licdn.com/dms/image/v2/D5603AQ/profile-displayphoto-shrink_400_400/kenji.jpg',
    });
  });

  it('takes the heading that agrees with document.title’s name over a hidden one before the top card', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    page.querySelector('main')!.insertAdjacentHTML('afterbegin', '<h1 class="_vh">Profile</h1>');
    const [person] = extractPeople(page, url);
    expect([person.name, person.title, person.location]).toEqual(['Kenji Morales', 'Product Designer · Accessibility advocate', 'Montréal, Quebec, Canada']);
  });

  it('reads the top card around an h2 that names the person, when the page has no h1', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    page.title = '(12) Kenji Morales (He/Him) | LinkedIn';
    page.querySelector('main')!.innerHTML =
      '<section><h2>Activity</h2></section>' +
      '<section><div><div><h2>Kenji Morales</h2></div><span>(He/Him)</span></div>' +
      '<p>Product Designer · Accessibility advocate</p><div><p>Montréal, Quebec, Canada</p>' +
      '<a href="/in/kenji-morales-8812a/overlay/contact-info/">Contact info</a></div></section>' +
      '<section><h2>About</h2><p>I design inclusive interfaces.</p></section>';
    const [person] = extractPeople(page, url);
    expect([person.name, person.title, person.location]).toEqual(['Kenji Morales', 'Product Designer · Accessibility advocate', 'Montréal, Quebec, Canada']);
  });

  it('leaves out of the headline and location the card’s actions, a creator’s topics and a verified badge', () => {
    const read = (change: (page: Document) => void) => {
      const { document: page } = loadFixture('linkedin-2026.html');
      change(page);
      const [person] = extractPeople(page, url);
      return [person.title, person.location];
    };
    const headline = (page: Document) => page.querySelector('main section p')!;
    const location = (page: Document) => page.querySelector('a[href*="/overlay/contact-info/"]')!.previousElementSibling!;
    const kenji = ['Product Designer · Accessibility advocate', 'Montréal, Quebec, Canada'];
    expect(read((page) => headline(page).insertAdjacentHTML('afterend', '<p>Talks about #accessibility, #design and #ux</p>'))).toEqual(kenji);
    expect(read((page) => page.querySelector('main h1')!.insertAdjacentHTML('afterend', '<span>Verified</span>'))).toEqual(kenji);
    // Without a location, "Contact info" is no location; without a headline, the location is no headline.
    expect(read((page) => location(page).remove())).toEqual([kenji[0], undefined]);
    expect(read((page) => headline(page).remove())).toEqual([undefined, kenji[1]]);
    // Nor is a line of buttons or topics, where no contact info link says which line the location is.
    expect(
      read((page) => {
        page.querySelector('a[href*="/overlay/contact-info/"]')!.remove();
        headline(page).insertAdjacentHTML('afterend', '<p>Talks about #accessibility, #design and #ux</p>');
      }),
    ).toEqual(kenji);
    expect(
      read((page) => {
        headline(page).remove();
        location(page).remove();
      }),
    ).toEqual([undefined, undefined]);
  });

  it('falls back to document.title when the page has no heading yet', () => {
    const { document: bare } = loadFixture('linkedin-2026.html');
    bare.querySelector('main')!.innerHTML = '<div class="_1x"></div>';
    expect(extractPeople(bare, url).map((p) => [p.name, p.fieldSources.name])).toEqual([['Kenji Morales', 'document.title']]);
  });

  it('takes pronouns said without a slash for no headline: "(she)", "(any pronouns)", Japanese "(彼)"', () => {
    for (const badge of ['(she)', '(any pronouns)', '(彼)']) {
      const { document: page } = loadFixture('linkedin-2026.html');
      const pronouns = [...page.querySelectorAll('main span')].find((span) => span.textContent === '(He/Him)')!;
      pronouns.textContent = badge;
      expect(extractPeople(page, url)[0].title, badge).toBe('Product Designer · Accessibility advocate');
    }
  });

  it('keeps a headline that looks like a badge: a slash between titles, an ordinal at the start', () => {
    for (const headline of ['Founder/CEO', 'Designer/Developer', 'Actor/Writer/Director', 'CEO/CTO', '2nd Line Support Engineer', '1st Lieutenant, US Army', '3rd Year Medical Student', 'Technicien support niveau 2', 'Technicien support 2e niveau']) {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.title = 'Sam Okoro | LinkedIn';
      const main = page.querySelector('main')!;
      main.innerHTML =
        '<section><div><h1>Sam Okoro</h1><span>(They/Them)</span><span>· 2nd</span></div>' +
        `<p>${headline}</p><div><span>Manchester, England, United Kingdom</span></div></section>`;
      const [person] = extractPeople(page, 'https://www.linkedin.com/in/sam-okoro/');
      expect([person.title, person.location], headline).toEqual([headline, 'Manchester, England, United Kingdom']);
    }
  });

  it('leaves the company out of a headline that goes on after a bar, and only when the company ends its part', () => {
    for (const [headline, company, title] of [
      ['Senior Product Designer at Lumen Works | ex-Shopify, ex-Google', 'Lumen Works', 'Senior Product Designer'],
      ['Product Designer | Lumen Works | Accessibility', 'Lumen Works', 'Product Designer'],
      ['Product Designer at Lumen Works and Pixel Co', 'Lumen Works', 'Product Designer at Lumen Works and Pixel Co'],
      ['Product Designer at Lumen Works Studio | ex-Google', 'Lumen Works', 'Product Designer at Lumen Works Studio | ex-Google'],
    ]) {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.querySelector('main')!.innerHTML =
        `<section><h1>Kenji Morales</h1><p>${headline}</p><div><p>Montréal, Quebec, Canada</p></div>` +
        `<ul><li><a href="https://www.linkedin.com/company/x/"><span>${company}</span></a></li></ul></section>`;
      const [person] = extractPeople(page, url);
      expect([person.title, person.company], headline).toEqual([title, company]);
    }
  });

  it('passes over the connection degree in French, German, Spanish, Russian, Japanese, Korean and Chinese as in English', () => {
    for (const [lang, degree, hidden, headline, location] of [
      // The dot apart from the degree, as LinkedIn draws them in these languages.
      ['ja', '·', '2次', 'プロダクトデザイナー', '日本 大阪府 大阪市'],
      ['ko', '·', '2촌', '소프트웨어 엔지니어', '대한민국 서울'],
      ['zh', '·', '3度+', '产品设计师', '中国 上海'],
      ['fr', '· 2e', 'Relation de 2e niveau', 'Designer produit chez Lumen Works', 'Lyon, Auvergne-Rhône-Alpes, France'],
      ['de', '· 2.', 'Kontakt 2. Grades', 'Produktdesignerin bei Lumen Works', 'München, Bayern, Deutschland'],
      ['es', '· 2.º', 'Contacto de 2.º grado', 'Diseñador de producto', 'Valencia, Comunidad Valenciana, España'],
      ['en', '· 3rd+', '3rd+ degree connection', 'Product Designer', 'Leeds, England, United Kingdom'],
      ['ru', '· 2-й', 'Контакт 2-го уровня', 'Дизайнер продуктов', 'Москва, Россия'],
    ]) {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.documentElement.lang = lang;
      page.querySelector('main')!.innerHTML =
        `<section><div><h1>Kenji Morales</h1><span>(Il/Lui)</span><span><span aria-hidden="true">${degree}</span><span>${hidden}</span></span></div>` +
        `<p>${headline}</p><div><p>${location}</p></div></section>`;
      const [person] = extractPeople(page, url);
      expect([person.name, person.title, person.location], lang).toEqual(['Kenji Morales', headline, location]);
    }
  });

  it('reads a profile whose address carries more than 2,048 characters of tracking', () => {
    const long = `${url}?trk=${'a'.repeat(2100)}`;
    expect(capturePage(document, long)).toMatchObject({
      url: 'https://www.linkedin.com/in/kenji-morales-8812a/',
      expected: true,
      people: [{ name: 'Kenji Morales', profileUrl: 'https://www.linkedin.com/in/kenji-morales-8812a/' }],
    });
  });

  it('reads the name without an honorific, credentials or emoji', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    page.title = 'Dr. Kenji Morales, PhD 🚀 | LinkedIn';
    page.querySelector('main h1')!.textContent = 'Dr. Kenji Morales, PhD 🚀';
    expect(extractPeople(page, url).map((p) => p.name)).toEqual(['Kenji Morales']);
  });

  it('takes no mutual connection’s picture for a profile without a photo', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    page.querySelector('figure img')!.setAttribute('src', 'https://static.licdn.com/aero-v1/sc/h/ghost-person.svg');
    page
      .querySelector('main h1')!
      .closest('div')!
      .insertAdjacentHTML(
        'beforeend',
        '<a href="/search/results/people/?facetNetwork=F"><img src="https://media.licdn.com/dms/image/v2/profile-displayphoto-shrink_100_100/ada.jpg" alt=""> Ada Quinlan is a mutual connection</a>',
      );
    expect(extractPeople(page, url)[0]).toMatchObject({ name: 'Kenji Morales' });
    expect(extractPeople(page, url)[0].photoUrl).toBeUndefined();
    // Their own photo in a link that opens it, by their member id, is theirs.
    const photo = 'https://media.licdn.com/dms/image/v2/profile-displayphoto-shrink_400_400/kenji-own.jpg';
    page.querySelector('figure')!.innerHTML = `<a href="/in/ACoAABxyz/overlay/photo/"><img src="${photo}" alt="Kenji Morales"></a>`;
    expect(extractPeople(page, url)[0].photoUrl).toBe(photo);
  });

  it('reads the top card’s company on a profile whose heading is none the title agrees with', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    page.title = 'Dr. Kenji Morales, PhD | LinkedIn';
    const h1 = page.querySelector('main h1')!;
    h1.outerHTML = `<h2 class="${h1.className}">Kenji Morales</h2>`;
    expect(extractPeople(page, url)[0]).toMatchObject({ name: 'Kenji Morales', company: 'Lumen Works' });
  });

  it('reads the name, and no job, on a profile’s own pages: its experience, its activity', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    page.title = 'Experience | Kenji Morales | LinkedIn';
    page.body.innerHTML = '<main><ul class="_list"><li><a href="/company/11111/"><span>Head of Partnerships</span></a></li></ul></main>';
    const [person] = extractPeople(page, 'https://www.linkedin.com/in/kenji-morales-8812a/details/experience/');
    expect([person.name, person.company, person.title]).toEqual(['Kenji Morales', undefined, undefined]);
  });

  it('finds nobody on a profile LinkedIn shows only as a member, in any of its languages', () => {
    for (const member of ['LinkedIn Member', 'Membre de LinkedIn', 'LinkedIn Mitglied', 'Miembro de LinkedIn', 'Utente LinkedIn', 'LinkedIn-lid', 'LinkedInメンバー', '领英会员', 'LinkedIn 회원', 'Участник LinkedIn']) {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.title = `${member} | LinkedIn`;
      page.querySelector('main h1')!.textContent = member;
      expect(extractPeople(page, url), member).toEqual([]);
    }
    // A name that only mentions LinkedIn is someone's.
    const { document: page } = loadFixture('linkedin-2026.html');
    page.querySelector('main h1')!.textContent = 'Kenji Morales | LinkedIn Top Voice';
    expect(extractPeople(page, url).map((p) => p.name)).toEqual(['Kenji Morales']);
  });

  it('reads text written twice, once to be seen and once for screen readers, once', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    const twice = (text: string) => `<span aria-hidden="true">${text}</span><span class="_vh">${text}</span>`;
    page.querySelector('main h1')!.innerHTML = twice('Kenji Morales');
    page.querySelector('main a[href*="/company/"] span')!.outerHTML = twice('Lumen Works');
    expect(extractPeople(page, url)).toMatchObject([{ name: 'Kenji Morales', company: 'Lumen Works' }]);
  });

  it('reads the whole top card when a redesign wraps the name’s row in a section of its own', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    const row = page.querySelector('main h1')!.parentElement!;
    row.outerHTML = `<section class="_n">${row.outerHTML}</section>`;
    const [person] = extractPeople(page, url);
    expect([person.name, person.title, person.company, person.location]).toEqual(['Kenji Morales', 'Product Designer · Accessibility advocate', 'Lumen Works', 'Montréal, Quebec, Canada']);
    // Not a section holding the whole profile, where Contact info sits in another card.
    const { document: wrapped } = loadFixture('linkedin-2026.html');
    const main = wrapped.querySelector('main')!;
    main.innerHTML = `<section class="_all">${main.innerHTML}</section>`;
    wrapped.querySelector('section[componentkey$="about"]')!.append(wrapped.querySelector('a[href*="/overlay/contact-info/"]')!);
    const [kenji] = extractPeople(wrapped, url);
    expect([kenji.title, kenji.location]).toEqual(['Product Designer · Accessibility advocate', 'Montréal, Quebec, Canada']);
  });

  it('takes no badge beside the name for the headline: verified in other languages, a member badge read out', () => {
    for (const badge of ['認証済み', '已验证', '인증됨', 'Подтверждено', 'Geverifieerd', 'Zweryfikowano', 'Doğrulandı', 'Premium', 'Kenji Morales has a Premium account', 'Hiring', 'Top Voice']) {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.querySelector('main h1')!.insertAdjacentHTML('afterend', `<span class="_b"><svg aria-hidden="true"></svg><span class="_vh">${badge}</span></span>`);
      expect(extractPeople(page, url)[0].title, badge).toBe('Product Designer · Accessibility advocate');
    }
  });

  it('reports a capture failure when nothing answers on a profile URL', () => {
    const { document: skeleton } = loadFixture('linkedin-2026.html');
    skeleton.title = 'LinkedIn';
    skeleton.body.innerHTML = '<main><div class="_skeleton"></div></main>';
    expect(capturePage(skeleton, url)).toEqual({ url, expected: true, people: [] });
  });
});

describe('LinkedIn single-page navigation', () => {
  it('finds nobody on the feed, then the profile after the app swaps the page and URL', () => {
    const { document, url } = loadFixture('linkedin-feed.html');
    expect(capturePage(document, url)).toEqual({ url, expected: false, people: [] });

    // What the app does on a click: new content, new title, new URL; no page load.
    const profile = loadFixture('linkedin-2026.html');
    document.body.innerHTML = profile.document.body.innerHTML;
    document.title = profile.document.title;
    expect(capturePage(document, profile.url).expected).toBe(true);
    expect(extractPeople(document, profile.url).map((p) => [p.name, p.title, p.profileUrl])).toEqual([
      ['Kenji Morales', 'Product Designer · Accessibility advocate', 'https://www.linkedin.com/in/kenji-morales-8812a/'],
    ]);
  });

  it('reads no one at a profile’s address until the app has drawn that profile: not the feed, not the last profile', () => {
    const kenji = 'https://www.linkedin.com/in/kenji-morales-8812a/';
    const failed = { url: kenji, expected: true, people: [] };
    // The address moved on, the feed still on screen and in the title.
    const feed = loadFixture('linkedin-feed.html').document;
    expect(capturePage(feed, kenji)).toEqual(failed);
    // A loading skeleton, the title still the feed's.
    feed.body.innerHTML = '<main aria-busy="true"><div class="skeleton"></div></main>';
    expect(capturePage(feed, kenji)).toEqual(failed);
    // The last profile's top card, under the new address, with the new title or the old one.
    const rosa = loadFixture('linkedin-2023.html').document;
    expect(capturePage(rosa, kenji)).toEqual(failed);
    rosa.title = 'Kenji Morales | LinkedIn';
    expect(capturePage(rosa, kenji)).toEqual(failed);
    // The skeleton under the new title: the title's name is the person's.
    rosa.body.innerHTML = '<main aria-busy="true"><div class="skeleton"></div></main>';
    expect(extractPeople(rosa, kenji).map((p) => [p.name, p.profileUrl])).toEqual([['Kenji Morales', kenji]]);
    // Under the title of one of LinkedIn's own pages in another language, it is no one yet.
    for (const page of ['Benachrichtigungen', '(2) Fil d’actualité', 'Mi red']) {
      rosa.title = `${page} | LinkedIn`;
      expect(capturePage(rosa, kenji), page).toEqual(failed);
    }
  });

  it('reads no one at a profile’s address while a company, a job, a profile’s own page or an error is still on screen', () => {
    const nadia = 'https://www.linkedin.com/in/nadia-haddad-91/';
    const failed = { url: nadia, expected: true, people: [] };
    const on = (title: string, main: string) => {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.title = title;
      page.querySelector('main')!.innerHTML = main;
      return page;
    };
    // A company page: its title agrees with its heading, and it has no profile's own links.
    expect(capturePage(on('Lumen Works | LinkedIn', '<section><h1>Lumen Works</h1><p>Design tools for everyone</p></section>'), nadia)).toEqual(failed);
    // A job posting, whose title's first part is its heading.
    const job = '<section><h1>Senior Product Designer</h1><div><a href="/company/lumen-works/">Lumen Works</a><span>Montréal · 2 days ago</span></div></section>';
    expect(capturePage(on('Senior Product Designer | Lumen Works | LinkedIn', job), nadia)).toEqual(failed);
    // The last profile's experience page.
    expect(capturePage(on('Experience | Kenji Morales | LinkedIn', '<section><h2>Experience</h2><ul><li>Product Designer</li></ul></section>'), nadia)).toEqual(failed);
    // A profile taken down.
    expect(capturePage(on('LinkedIn', '<section><h1>This profile is not available</h1><p>Please check your URL.</p></section>'), 'https://www.linkedin.com/in/former-member-123/')).toMatchObject({
      people: [],
    });
    // The last profile whole, under this one's experience or activity address.
    const kenji = loadFixture('linkedin-2026.html').document;
    for (const page of ['details/experience/', 'recent-activity/all/']) expect(extractPeople(kenji, nadia + page), page).toEqual([]);
  });

  it('reads a profile without its own links whose address is of its name’s words, written out or not, or of none', () => {
    for (const [heading, address] of [
      ['Jürgen Müller', 'https://www.linkedin.com/in/juergen-mueller-4a/'],
      ['Jürgen Müller', 'https://www.linkedin.com/in/jurgen-muller/'],
      ['Robert “Bob” Smith', 'https://www.linkedin.com/in/bob-smith-22/'],
      ['Satya Nadella', 'https://www.linkedin.com/in/satyanadella/'],
      ['森田 健二', 'https://www.linkedin.com/in/kenji-morita-5/'],
    ]) {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.title = `${heading} | LinkedIn`;
      page.querySelector('main')!.innerHTML = `<section><h1>${heading}</h1><p>Product Designer</p></section>`;
      expect(extractPeople(page, address).map((p) => p.name), address).toEqual([heading]);
    }
    // Any link of the page to this profile's own pages says it is drawn: an address of other
    // words, a name spelled otherwise, a bar in the name.
    for (const [heading, title, address] of [
      ['Kevin Cheung', 'Kevin Cheung', 'https://www.linkedin.com/in/zhang-wei-8a/'],
      ['Peggy Okafor', 'Peggy Okafor', 'https://www.linkedin.com/in/ux-mentor/'],
      ['Kenji Morales', 'Kenji Morales | UX', 'https://www.linkedin.com/in/kenji-morales-8812a/'],
    ]) {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.title = `${title} | LinkedIn`;
      const slug = new URL(address).pathname.split('/')[2];
      page.querySelector('main')!.innerHTML =
        `<section><h1>${heading}</h1><p>Product Designer</p></section><section><h2>Experience</h2><a href="/in/${slug}/details/experience/">Show all</a></section>`;
      expect(extractPeople(page, address).map((p) => p.name), address).toEqual([heading]);
    }
  });

  it('reads a drawn profile whose heading and title write the name with or without a middle name, an initial or a nickname', () => {
    for (const [heading, title] of [
      ['Kenji A. Morales', 'Kenji Morales'],
      ['Kenji Morales', 'Kenji Alberto Morales'],
      ['Kenji "Ken" Morales', 'Kenji Morales'],
    ]) {
      const { document: page } = loadFixture('linkedin-2026.html');
      page.querySelector('main h1')!.textContent = heading;
      page.title = `${title} | LinkedIn`;
      expect(extractPeople(page, 'https://www.linkedin.com/in/kenji-morales-8812a/').map((p) => p.name), heading).toEqual([heading]);
    }
  });

  it('knows its own top card by a name written in other letters, however its links encode it, or by its member id', () => {
    const { document: page } = loadFixture('linkedin-2026.html');
    const contactInfo = page.querySelector('a[href*="/overlay/contact-info/"]')!;
    contactInfo.setAttribute('href', '/in/jürgen-müller-7/overlay/contact-info/');
    const jurgen = 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-7/';
    expect(extractPeople(page, jurgen).map((p) => p.name)).toEqual(['Kenji Morales']);
    contactInfo.setAttribute('href', '/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz0123456/overlay/contact-info/');
    expect(extractPeople(page, jurgen).map((p) => p.name)).toEqual(['Kenji Morales']);
  });

  it('reads no one on other LinkedIn pages, even ones full of people and mailto links', () => {
    const { document } = loadFixture('linkedin-feed.html');
    expect(extractPeople(document, 'https://www.linkedin.com/search/results/people/?keywords=design')).toEqual([]);
  });
});

describe('withoutNameBadges', () => {
  it('removes pronouns and connection degrees in any language, keeping hyphenated names', () => {
    expect(withoutNameBadges('Rosa Lindqvist (She/Her) · 2nd')).toBe('Rosa Lindqvist');
    expect(withoutNameBadges('Jean-Luc Moreau · 3e')).toBe('Jean-Luc Moreau');
    expect(withoutNameBadges('Ana Souza ela/dela')).toBe('Ana Souza');
    expect(withoutNameBadges('Jonas Berg hen/hen/han')).toBe('Jonas Berg');
  });

  it('keeps slashed words that are not pronouns', () => {
    expect(withoutNameBadges('Léa Martin UX/UI')).toBe('Léa Martin UX/UI');
  });
});

it('fixtures say the URL they are served at', () => {
  expect(fixtureHtml('linkedin-public.html')).toMatch(/^<!-- url: https:\/\/uk\.linkedin\.com\/in\//);
});
