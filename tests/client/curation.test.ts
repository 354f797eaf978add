import { entityMentions, slugOf as clientSlugOf, suggestVoice } from '../../client/src/core/curation';
import { slugOf as serverSlugOf } from '../../server/curation/changes';

const ENTITIES = [
  { id: 'harbour-council', name: 'Harbour Council', aliases: ['the Council'] },
  { id: 'harbour', name: 'Harbour', aliases: [] },
];

test('entity mentions: whole words, exact case, the longest name where two overlap', () => {
  const text = 'The Harbour Council met. the Council said Harbourside is not the Harbour.';
  expect(entityMentions(text, ENTITIES).map(({ start, end, entityId }) => [text.slice(start, end), entityId])).toEqual([
    ['Harbour Council', 'harbour-council'],
    ['the Council', 'harbour-council'],
    ['Harbour', 'harbour'],
  ]);
});

test('a reporting word suggests a speaker and a hedge word suggests its hedge', () => {
  const hedges = [{ id: 'reportedly', cues: ['reportedly'] }];
  expect(suggestVoice('Officials said it will reportedly run', hedges, ['said'])).toEqual({
    reportingCue: 'said',
    hedge: { id: 'reportedly', cue: 'reportedly' },
  });
  expect(suggestVoice('The council approved the route', hedges, ['said'])).toEqual({ reportingCue: null, hedge: null });
});

// The form sends the id it previews for an entity it creates, so its rule must be the server's.
test("the curation form's id for a new entity is the one the server would make", () => {
  const names = [
    'Mullah Omar',
    'Harbour Council',
    '  Al-Qaeda in the Islamic Maghreb ',
    'Ṣaḥīḥ Émile',
    'ISIS–K (Khorasan)',
    'x'.repeat(120) + ' y',
    '---',
  ];
  for (const name of names) expect({ name, id: clientSlugOf(name) }).toEqual({ name, id: serverSlugOf(name) });
});
