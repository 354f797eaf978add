import { createStateReader } from '../../client/src/bindings/use-explorer-state';
import { fitAll, showEntity, type CameraIntent } from '../../client/src/core/camera';
import { createCameraDirector } from '../../client/src/views/explorer/canvas/camera-director';
import { fixtureGraph } from './fixtures';

describe('the explorer state read from the URL', () => {
  it('is the same object for the same address, and keeps the parts that did not change', () => {
    const read = createStateReader(fixtureGraph());
    const before = read('?entity=isis-k&focus=isis-k&depth=2&min=2');
    expect(read('?entity=isis-k&focus=isis-k&depth=2&min=2')).toBe(before);
    const after = read('?entity=taliban&focus=isis-k&depth=2&min=2');
    expect(after.state.selection).toEqual({ kind: 'entity', id: 'taliban' });
    expect(after.state.focus).toBe(before.state.focus);
    expect(after.state.filters).toBe(before.state.filters);
  });

  it('shares the parts that did not change with the state read for the graph before (a bounded view grows)', () => {
    const before = createStateReader(fixtureGraph())('?entity=isis-k&min=2').state;
    const grown = createStateReader(fixtureGraph(), before);
    const after = grown('?entity=isis-k&min=2').state;
    expect(after).toBe(before);
    const moved = grown('?entity=taliban&min=2').state;
    expect(moved.filters).toBe(before.filters);
    expect(createStateReader(fixtureGraph())('?entity=isis-k&min=2').state.filters).not.toBe(before.filters);
  });

  it("keeps a stale link's problems once the address is rewritten, until another link has its own", () => {
    const read = createStateReader(fixtureGraph());
    const stale = read('?entity=atlantis&sources=x');
    expect(stale.problems).toHaveLength(2);
    expect(read('').problems).toBe(stale.problems);
    expect(read('?entity=isis-k').problems).toBe(stale.problems);
    expect(read('?focus=nowhere').problems).toEqual([expect.stringMatching(/"nowhere", which is not in the graph/)]);
  });
});

describe('camera intents', () => {
  it('asked before the controller exists wait, then arrive in the order asked', () => {
    const director = createCameraDirector([fitAll({ instant: true })]);
    director.request(showEntity('isis-k'));
    const carried: CameraIntent[] = [];
    const unsubscribe = director.subscribe((intent) => carried.push(intent));
    director.request({ kind: 'fit-path', ids: ['isis-k', 'taliban'] });
    expect(carried.map((intent) => intent.kind)).toEqual(['fit-all', 'show-entity', 'fit-path']);
    unsubscribe();
    director.request(fitAll());
    expect(carried).toHaveLength(3);
    director.subscribe((intent) => carried.push(intent));
    expect(carried.at(-1)).toEqual({ kind: 'fit-all' });
  });
});
