import { findValues } from '../testing';
import { createPhoneKeyDetector } from './phone-key';

describe('phone by key', () => {
  const detector = createPhoneKeyDetector();

  test.each([
    [
      'finds a TN when upper case or an element names it and a whole called key',
      'LNP: TN=4155550142 <ns:PortedTn>15035550177</ns:PortedTn> Called=+14155550140',
      ['4155550142', '15035550177', '+14155550140'],
    ],
    [
      'finds the calling and called party numbers when a CDR or mediation line names them',
      'rec#88 rejected calling=33612345678 called=4930123456; {"callingNumber":"447700900123"}',
      ['33612345678', '4930123456', '447700900123'],
    ],
    [
      'finds ANI, DNIS and a TN when a contact centre or a number port names them',
      'popup?ani=6175550143&dnis=8005550199 <LnpOrder><SubscriberTn>15035550188</SubscriberTn></LnpOrder> tn=+14155550101',
      ['6175550143', '8005550199', '15035550188', '+14155550101'],
    ],
    [
      'finds E.164 without a plus when the key is msisdn',
      'subscriber created MSISDN=491701234567 plan=pre',
      ['491701234567'],
    ],
    [
      'finds a national number when a JSON key ends in phone or mobile',
      '{"billing_phone":"0612345678","alt":{"mobile":"079 123 45 67"}}',
      ['0612345678', '079 123 45 67'],
    ],
    [
      'finds numbers when a number word follows a phone word, camelCase or glued',
      'callerNumber=4930123456 phonenumber: 612345678 home_tel=022334455',
      ['4930123456', '612345678', '022334455'],
    ],
    [
      'finds the subscriber number when its path names a phone',
      'holder.mobilePhone.subscriber=6501234567 holder.mobilePhone.cc=1',
      ['6501234567'],
    ],
    [
      'finds the number when the object it is in is a phone',
      '{"contact":{"phone":{"country":"49","number":"151 2345 6789"}}}',
      ['151 2345 6789'],
    ],
    [
      'finds the number when it is an XML element named like a phone',
      '<req><ns:MobileNo>27712345678</ns:MobileNo></req>',
      ['27712345678'],
    ],
    ['finds the number when msisdn names it in prose', 'lookup msisdn 447700900123 returned HLR', ['447700900123']],
    ['finds a number when escaped JSON quotes it', '{\\"msg\\":\\"x\\",\\"cell\\":\\"5551234567\\"}', ['5551234567']],
    [
      "finds an international number without + when a message's address key holds it",
      'POST /sms?to=393471234567&from=CLINIC and {"recipient":"27821234567"} [sender:14155550142]',
      ['393471234567', '27821234567', '14155550142'],
    ],
    [
      "finds an international number without + when SMPP's or WhatsApp's address fields hold it",
      'submit_sm source_addr=447700900631 dest_addr=27821234567 {"status":"read","recipient_id":"34612345678"}',
      ['447700900631', '27821234567', '34612345678'],
    ],
    [
      'finds an international number without + when an SMS gateway brackets it after from or to',
      'Routing SMS from <255774333086> to <27823761291> via smsc-id <main>',
      ['255774333086', '27823761291'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    [
      'ignores counters and flags when the key names a phone but the value is short',
      'phone_count=12 mobile=1 tel_ext=4412',
    ],
    ['ignores a phone word that only ends a longer word', 'hotel=12345678 excel=20240611 automobile=4455667788'],
    [
      'ignores a number word when no phone word comes right before it',
      'Contact.TaxNumber=123-456-789 order_no=88120431',
    ],
    ['ignores a number object when its parent is no phone', '{"invoice":{"number":"20240611001"}}'],
    ['ignores dates and decimals when they stand under a phone key', 'phone=2024-06-11 mobile: 12345.678901'],
    [
      'ignores ports and ids when no key names a phone',
      'sip port=5060 call_id=300000004471227 ticket_number=5045550193',
    ],
    ['ignores an element when its name is no phone', '<sessionid>360591304123</sessionid>'],
    ['ignores a number when it runs on into a word', 'msisdn=2348026874211abc phone=4930123456/7'],
    [
      'ignores digits under a message address key when they read as no international number',
      'GET /report?from=20261206000000&to=20261207235959 since=1733560000000 to=1733560000000 from=04155550142 to=12125550',
    ],
    [
      'ignores bracketed digits after from or to when they read as no international number',
      'copied from <20261207235959> to <04155550142>; source_addr=SERENITYSP dest_address_range=447700900631',
    ],
    [
      'ignores a count or time of calls when called ends a longer key (review10)',
      'cron: handler=resize last_called=1765143600 times_called=10234567',
    ],
    [
      'ignores a lastCalled time when camelCase puts called last',
      '{"lastCalled":"1733607600","timesCalling":"4930123456"}',
    ],
    ['ignores a lower-case tn key when its value has no +', 'tn=1733607600 node=ingest-1'],
    ['ignores a nested JSON tn when it holds a date-hour', '{"k8s":{"tn":"2026120721"}}'],
    [
      'ignores a Unix time under a whole telephony key (seconds or milliseconds)',
      'calling=1733607600 TN=1733607600123 <SubscriberTn>1765143600</SubscriberTn> {"called":20261207,"TN":"2026120721"}',
    ],
    [
      'ignores a short called number, a bank routing number and words that end in ani or tn',
      'called=+999071 rtn=021000021 company=4155550101 certn=6175550143 botani: 5035550100',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});
