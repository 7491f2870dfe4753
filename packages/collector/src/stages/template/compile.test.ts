import { compileTemplate, type TemplateScope } from './index';

function scope(fields: Record<string, string>): TemplateScope {
  return { field: (name) => fields[name] };
}

const DATA = { Value: 'Hello World', level: 'WARN', Entry: 'the line', empty: '', n: '42', ip: '10.0.0.1' };

describe('compileTemplate', () => {
  test.each<[string, string, string]>([
    ['prints a field when the action is .Value', '{{ .Value }}', 'Hello World'],
    ['prints other keys by name when the action names them', '{{ .level }}-{{ .Entry }}', 'WARN-the line'],
    ['prints <no value> when the field is missing (as Go does)', '{{ .nothing }}', '<no value>'],
    [
      'passes the piped value last when functions are chained',
      '{{ Replace (.Value | ToUpper) "WORLD" "There" -1 }}|{{ .Value | ToLower | printf "%s!" }}',
      'HELLO There|hello world!',
    ],
    [
      'applies Alloy string functions when called directly',
      '{{ TrimPrefix .Value "Hello " }}|{{ Trim "xxaxx" "x" }}|{{ TrimSpace "  a " }}',
      'World|a|a',
    ],
    [
      'takes the else branch when the condition is false',
      '{{ if eq .level "ERROR" }}bad{{ else }}fine{{ end }}',
      'fine',
    ],
    [
      'takes the else-if branch when only it matches',
      '{{ if eq .level "ERROR" }}e{{ else if eq .level "WARN" }}w{{ else }}o{{ end }}',
      'w',
    ],
    ['treats an empty string as false when used as a condition', '{{ if .empty }}yes{{ else }}no{{ end }}', 'no'],
    [
      'combines conditions when and/or/not are used',
      '{{ if and (ne .level "INFO") (not .empty) }}x{{ end }}{{ or .empty "fallback" }}{{ and .level .empty "z" }}',
      'xfallback',
    ],
    ['uses the default when the value is missing', '{{ .missing | default "none" }}', 'none'],
    [
      'reads a key a field cannot name with index, a missing one as no value',
      '{{ index . "level" }}|{{ index . "user-agent" }}|{{ index . "Value" | ToUpper }}',
      'WARN|<no value>|HELLO WORLD',
    ],
    [
      'cuts a string with slice as Go does',
      '{{ slice .Value 6 }}|{{ slice .ip 0 2 }}|{{ slice .level }}',
      'World|10|WARN',
    ],
    ['trims whitespace around actions when trim markers are used', 'a  {{- .level -}}  b', 'aWARNb'],
    [
      'expands $1 group references when regexReplaceAll is used',
      '{{ regexReplaceAll "(\\\\w+)@(\\\\w+)" "me@host you@there" "${2}:$1" }}',
      'host:me there:you',
    ],
    [
      'expands named groups when the regex uses (?P<name>)',
      '{{ regexReplaceAll "(?P<a>\\\\d+)\\\\.\\\\d+" .ip "$a" }}',
      '10.0',
    ],
    [
      'keeps $ literally when regexReplaceAllLiteral is used',
      '{{ regexReplaceAllLiteral "\\\\d" "a1b2" "$1" }}',
      'a$1b$1',
    ],
    [
      'formats numbers when printf has width and precision',
      '{{ printf "%05.1f|%-4s|%d|%q" 3.14159 "ab" 7 "x" }}',
      '003.1|ab  |7|"x"',
    ],
    [
      'hashes with SHA3-256 of salt+value when Hash is used (NIST vector for "abc")',
      '{{ Hash "a" "bc" }}',
      '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
    ],
    [
      'hashes with SHA-256 of salt+value when Sha2Hash is used (NIST vector for "abc")',
      '{{ Sha2Hash "ab" "c" }}',
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    ],
    [
      'supports sprig argument order when sprig functions are piped',
      '{{ .Value | replace "World" "You" | lower | trimSuffix "you" }}|{{ contains "ell" .Value }}',
      'hello |true',
    ],
    ['spaces non-string operands when print is used (Go fmt.Sprint)', '{{ print .level 1 true }}', 'WARN1 true'],
    ['skips comments when the action is a comment', 'a{{/* note */}}b', 'ab'],
    ['reads raw strings when backquotes are used', '{{ `a\\nb` }}', 'a\\nb'],
  ])('%s', (_name, source, expected) => {
    expect(compileTemplate(source).execute(scope(DATA))).toBe(expected);
  });

  test.each<[string, string, RegExp]>([
    [
      'rejects unknown functions when the template names one',
      '{{ .Value | Frobnicate }}',
      /function "Frobnicate" not defined/,
    ],
    ['rejects a missing end when an if is unclosed', '{{ if .Value }}x', /has no \{\{end\}\}/],
    ['rejects a stray end when there is no if', 'x{{ end }}', /unexpected \{\{end\}\}/],
    ['rejects range when it is used', '{{ range .Value }}{{ end }}', /"range" is not supported/],
    ['rejects an unclosed action when braces are missing', '{{ .Value ', /unclosed action/],
    ['rejects variables when they are assigned', '{{ $x := .Value }}', /variables are not supported/],
    ['rejects arguments to a field when no function is called', '{{ .Value "x" }}', /non-function/],
    ['rejects nil as a command when an action is only nil', '{{ nil }}', /nil is not a command/],
    [
      'rejects unterminated strings when a quote is missing',
      '{{ "abc }}',
      /unterminated quoted string|unclosed action/,
    ],
  ])('%s', (_name, source, message) => {
    expect(() => compileTemplate(source)).toThrow(message);
  });

  test.each<[string, string, RegExp]>([
    [
      'fails when a string function gets a missing value',
      '{{ ToUpper .missing }}',
      /ToUpper: invalid value; expected string/,
    ],
    ['fails when a function gets the wrong number of arguments', '{{ Replace .Value "a" }}', /wrong number of args/],
    ['fails when types are compared across kinds', '{{ lt .n 5 }}', /incompatible types/],
    ['fails when a template regex is invalid', '{{ regexReplaceAll "(" .Value "" }}', /invalid regex/],
  ])('%s', (_name, source, message) => {
    expect(() => compileTemplate(source).execute(scope(DATA))).toThrow(message);
  });
});
