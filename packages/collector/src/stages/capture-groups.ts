/** The name of each capture group of a JavaScript RegExp source, by group number (index 0 = whole match). */
export function captureGroupNames(source: string): Array<string | undefined> {
  const names: Array<string | undefined> = [undefined];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      if (source[i + 1] !== '?') names.push(undefined);
      else {
        const named = /^\(\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i));
        if (named) names.push(named[1]);
      }
    }
  }
  return names;
}
