/**
 * Issue 10: the pack is a document to read and print, and every form on it works as a plain POST
 * (rule 3). Without client-side rendering the page's data isn't serialised into it a second time
 * for hydration: with 50 sent forms that was 440 KB of a 1.4 MB page and a sixth of its server
 * time. Links to and from it load whole pages.
 */
export const csr = false;
