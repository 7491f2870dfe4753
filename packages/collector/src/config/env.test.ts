import { environmentResolver, expandVariables, moduleResolver } from './env';

describe('expandVariables', () => {
  test.each([
    ['replaces ${VAR} with its value', 'a: ${A}', { A: 'x' }, 'a: x'],
    ['uses the default when the variable is unset', 'a: ${A:-d}', {}, 'a: d'],
    ['uses the default when the variable is empty', 'a: ${A:-d}', { A: '' }, 'a: d'],
    ['allows an empty default', 'a: "${A:-}"', {}, 'a: ""'],
    ['writes a literal ${ for $${', 'a: $${A}', { A: 'x' }, 'a: ${A}'],
    ['leaves ${args.x} for modules', 'a: ${args.x}', {}, 'a: ${args.x}'],
    ['leaves references on comment lines alone', '  # a: ${UNSET}\nb: ${A}', { A: '1' }, '  # a: ${UNSET}\nb: 1'],
  ])('%s', (_name, text, env, expected) => {
    const result = expandVariables(text, environmentResolver(env));
    expect(result.problems).toEqual([]);
    expect(result.text).toBe(expected);
  });

  test('reports an unset variable at its offset in the original text', () => {
    const result = expandVariables('a: 1\nb: ${NOPE}', environmentResolver({}));
    expect(result.problems).toEqual([
      { offset: 8, message: 'environment variable NOPE is not set (write ${NOPE:-} to allow it to be empty)' },
    ]);
  });

  test('maps offsets after, inside and before replaced references back to the original text', () => {
    const original = 'x: ${A} y: ${B} z';
    const { text, originalOffset } = expandVariables(original, environmentResolver({ A: 'long-value', B: '' }));
    expect(text).toBe('x: long-value y:  z');
    expect(originalOffset(0)).toBe(0);
    expect(originalOffset(text.indexOf('long'))).toBe(original.indexOf('${A}'));
    expect(originalOffset(text.indexOf('value'))).toBe(original.indexOf('${A}'));
    expect(originalOffset(text.indexOf('y:'))).toBe(original.indexOf('y:'));
    expect(originalOffset(text.indexOf('z'))).toBe(original.indexOf('z'));
  });
});

describe('moduleResolver', () => {
  test('resolves ${args.NAME} from the arguments and everything else from the environment', () => {
    const { text, problems } = expandVariables(
      '${args.job} ${HOME_DIR} ${args.missing:-d} ${args.nope}',
      moduleResolver({ HOME_DIR: '/h' }, { job: 'prod' }),
    );
    expect(text).toBe('prod /h d ');
    expect(problems).toEqual([{ offset: 43, message: 'module argument nope is not declared under arguments' }]);
  });
});
