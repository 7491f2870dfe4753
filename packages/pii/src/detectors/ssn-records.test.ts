import { findValues } from '../testing';
import { createSsnRecordsDetector } from './ssn-records';

/** A fixed-width field: the value left-justified and filled with blanks to its width. */
const field = (value: string, width: number): string => value.padEnd(width, ' ');
/** The start of an EFW2 RW record: SSN, then first, middle and last name, suffix and location address. */
const rw = (ssn: string, first = 'ANA', last = 'RUIZ'): string =>
  `RW${ssn}${field(first, 15)}${field('M', 15)}${field(last, 20)}${field('', 4)}${field('12 OAK ST', 22)}`;
/** The start of a Publication 1220 B record with a type of TIN, the TIN, the payer's account and the first amount. */
const payee = (tinType: string, tin: string, blanks = 10): string =>
  `B2026 RUIZ${tinType}${tin}${field('ACCT-00017', 20)}${field('', 4)}${' '.repeat(blanks)}000000125000`;

describe('SSNs where a record layout puts them', () => {
  const detector = createSsnRecordsDetector();

  test.each([
    ['finds the SSN when an EFW2 RW record starts the line', rw('234567012'), ['234567012']],
    [
      'finds the SSN when an RW record follows a log prefix',
      `w2gen 2026-02-01 10:00:00 INFO ${rw('345678123', "O'NEIL", 'SMITH-JONES')}`,
      ['345678123'],
    ],
    [
      'finds the SSN when an RW record ends at the last name',
      `RW456789234${field('KWAME', 15)}${field('', 15)}MENSAH`,
      ['456789234'],
    ],
    [
      'finds the SSN when an EFW2 RS state record holds it',
      `RS17     345678123${field('ANA', 15)}${field('', 15)}${field('RUIZ', 20)}`,
      ['345678123'],
    ],
    [
      'finds both SSNs when an EFW2C RCW record corrects one',
      `RCW234567012234567021${' '.repeat(50)}${field('ANA', 15)}${field('', 15)}RUIZ`,
      ['234567012', '234567021'],
    ],
    [
      'finds the correct SSN when an RCW record leaves the original blank',
      `RCW${' '.repeat(9)}456789234${field('ANA', 15)}${field('', 15)}${field('RUIZ', 20)}${field('ANA', 15)}`,
      ['456789234'],
    ],
    ['finds the TIN when a Publication 1220 B record types it an SSN', payee('2', '345678123'), ['345678123']],
    ['finds the SSN when an X12 NM1 segment qualifies it 34', 'NM1*IL*1*RUIZ*ANA*M***34*345678123~', ['345678123']],
    [
      'finds the SSN when an X12 REF segment qualifies it SY or 0F',
      'INS*Y*18*030*XN*A~REF*0F*456789234~REF*SY*234-56-7012~REF*1L*GRP-77120~',
      ['456789234', '234-56-7012'],
    ],
    [
      'finds the SSN when an NCIC message carries a SOC field',
      'QW.TX1234567.NAM/RUIZ,ANA.SEX/F.RAC/W.DOB/19800101.SOC/345678123.OLN/R1234567',
      ['345678123'],
    ],
    [
      'finds the SSN when a NEMSIS element holds it',
      '<ePatient.02>Ruiz</ePatient.02><ePatient.12>345678123</ePatient.12> <E06_10>456789234</E06_10>',
      ['345678123', '456789234'],
    ],
    [
      'finds the SSN when an HL7 PID segment holds it in field 19',
      `PID|1||8812^^^H||RUIZ^ANA${'|'.repeat(14)}345-67-8123|`,
      ['345-67-8123'],
    ],
    [
      'finds the SSN when an RW record pads its names off the documented widths',
      'RW345678123ana          ruiz-ortega          0000004210000000000380000',
      ['345678123'],
    ],
    [
      'finds the SSN when a MySQL or PostgreSQL duplicate-key error quotes it beside a key named for it',
      "Duplicate entry '456789234' for key 'patients.uq_patient_ssn' DETAIL:  Key (social_security_no)=(567-89-1234) already exists.",
      ['456789234', '567-89-1234'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores an RW record when its SSN was never issued', `${rw('900123456')} ${rw('000000000')}`],
    ['ignores an RW line when no name fields follow the number', 'RW23456701200001750000000001200000000000000'],
    ['ignores an RW line when the first name field is short', 'RW234567012 ANA RUIZ'],
    ['ignores an RW record when glued to a word', `X${rw('234567012')}`],
    ['ignores an RW line when one padded word follows the number', 'RW345678123ana          0000004210000'],
    [
      'ignores a duplicate-key error when its key names no SSN or its value is no SSN',
      "Duplicate entry '456789234' for key 'orders.PRIMARY' Duplicate entry '900123456' for key 'uq_ssn' Key (lessns)=(345678123)",
    ],
    ['ignores an RS line when the state code is not two digits', `RSTX     345678123${field('ANA', 15)}`],
    ['ignores a B record when its type of TIN is an EIN', payee('1', '201234567')],
    ['ignores a B record when the TIN type is not given', payee(' ', '345678123')],
    ['ignores a B-led line when the blank field is missing', payee('2', '345678123', 3)],
    [
      'ignores an NM1 segment when another qualifier types the id',
      'NM1*IL*1*RUIZ*ANA****MI*345678123~NM1*PE*2*ACME*****24*201234567~',
    ],
    ['ignores an X12 REF segment when another qualifier types it', 'REF*1L*345678123~REF*23*456789234~'],
    ['ignores a SOC field when no person is described', 'ticket SOC/345678123 escalated to tier 2'],
    ['ignores a SOC field when longer than nine digits', 'QW.TX1234567.NAM/RUIZ,ANA.SOC/3456781234'],
    ['ignores a NEMSIS element when another element holds nine digits', '<ePatient.13>345678123</ePatient.13>'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
