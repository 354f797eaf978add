import { entityMentions, suggestVoice } from '../../client/src/core/curation';

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
