/** The id of <main>: target of the skip link, focused after each navigation. */
export const MAIN_CONTENT_ID = 'contenu';
