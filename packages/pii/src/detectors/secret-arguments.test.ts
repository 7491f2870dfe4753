import { createPiiScanner } from '../scanner';

/** A secret given as an argument ends where the shell or the message ends it, not at every `&` inside it. */
describe('secrets given as arguments', () => {
  const scanner = createPiiScanner({ types: ['secret_kv'] });
  const secrets = (text: string) => scanner.scan(text).map((m) => m.value);

  test.each([
    ['a glued short flag', 'mysqldump -u etl -pK7v&Qw2zL4 billing > out.sql', ['K7v&Qw2zL4']],
    ['a long flag', 'python load.py --db-password Hay&Barn_41 --user ops', ['Hay&Barn_41']],
    [
      'a password in a message, closing a bracket',
      'Not authorized (broker 10.0.0.2, user eo, password Zt7Rq2mVx9Lp&)',
      ['Zt7Rq2mVx9Lp&'],
    ],
  ])('keeps the & of %s', (_name, text, expected) => {
    expect(secrets(text)).toEqual(expected);
  });

  test.each([
    ['a command joined by &&', 'mysql -u etl -pK7vQw2zL4 && echo ok', ['K7vQw2zL4']],
    ['a command sent to the background', 'mysql -u etl -pK7vQw2zL4 & wait', ['K7vQw2zL4']],
    ["a query's next pair", 'client --api-key Zq8Lm2Wx4Rt6&scope=read --verbose', ['Zq8Lm2Wx4Rt6']],
    ['the end of a code span in chat', 'ops: ran `deploy web --db-token Vh3Kq9Lm2Xw7` in #releases', ['Vh3Kq9Lm2Xw7']],
    [
      'a command substitution',
      'n=`redis-cli -a Rq4Tz8Wm2Lx6 dbsize`; m=`mysql -u etl -pK7vQw2zL4`',
      ['Rq4Tz8Wm2Lx6', 'K7vQw2zL4'],
    ],
    ['a glued flag closing a code span', 'ran `mysql -u etl -pK7vQw2zL4` ok', ['K7vQw2zL4']],
  ])('ends the value at %s', (_name, text, expected) => {
    expect(secrets(text)).toEqual(expected);
  });
});
