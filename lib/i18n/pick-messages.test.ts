import { describe, expect, it } from 'vitest';
import { mergeMessages, pickMessages } from './pick-messages';

const catalog = { errors: { notFound: 'Not found' }, programs: { form: { title: 'Title' }, page: { heading: 'Programs' } }, nav: { home: 'Home' } };

describe('pickMessages', () => {
  it('keeps whole namespaces and single branches, nothing else', () => {
    expect(pickMessages(catalog, ['errors', 'programs.form'])).toEqual({ errors: { notFound: 'Not found' }, programs: { form: { title: 'Title' } } });
  });
  it('keeps two branches of one namespace side by side', () => {
    expect(pickMessages(catalog, ['programs.form', 'programs.page'])).toEqual({ programs: catalog.programs });
  });
  it('refuses a path the catalog lacks, so a typo cannot ship a page without its words', () => {
    expect(() => pickMessages(catalog, ['programs.nope'])).toThrow('No messages at "programs.nope"');
  });
});

describe('mergeMessages', () => {
  it('lays a page’s branches over its layout’s without dropping either', () => {
    const layout = pickMessages(catalog, ['errors', 'programs.page']);
    const page = pickMessages(catalog, ['programs.form', 'nav']);
    expect(mergeMessages(layout, page)).toEqual(catalog);
  });
  it('leaves both inputs as they were', () => {
    const layout = { programs: { page: { heading: 'Programs' } } };
    mergeMessages(layout, { programs: { form: { title: 'Title' } } });
    expect(layout).toEqual({ programs: { page: { heading: 'Programs' } } });
  });
});
