import { findValues } from '../testing';
import { createUserSqlGrantDetector } from './user-sql-grant';

describe('user SQL grant detector', () => {
  const detector = createUserSqlGrantDetector();

  test.each([
    ['a grantee', 'migrate: GRANT SELECT, INSERT ON orders.items TO picker_rw;', ['picker_rw']],
    ['a quoted MySQL grantee', "GRANT ALL PRIVILEGES ON shop.* TO 'shop_app'@'10.0.%';", ['shop_app']],
    ['a grantee in lower case', 'grant usage on schema bi to bi_reader', ['bi_reader']],
    ['a grantee with the grant option', 'GRANT UPDATE ON t TO etl_loader WITH GRANT OPTION', ['etl_loader']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['PUBLIC and a role named as such', 'GRANT SELECT ON t TO PUBLIC; GRANT USAGE ON WAREHOUSE wh TO ROLE analyst;'],
    ['a grant in prose', 'research grant payment to beneficiary FI0265 on time'],
    ['a role granted to nobody yet', 'GRANT reporting TO'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
