/** The change crash-child.ts makes, shared with crash.test.ts. */
export const CRASH_QUOTE = 'It recruits from both Afghan and Pakistani jihadists';

export const CRASH_CHANGE = {
  source: 'bbc-what-is-isis-k',
  entityId: 'afghan-and-pakistani-jihadists',
  relationId: 'isis-k--recruits_from--afghan-and-pakistani-jihadists',
  entity: {
    type: 'group',
    name: 'Afghan and Pakistani jihadists',
    description: 'Jihadists from Afghanistan and Pakistan from whom the group recruits.',
  },
};
