// `line\`... ${pii('email', value)} ...\`` builds one labeled corpus line: the text, and the spans of every pii() part.

function pii(type, value) {
  return { type, value };
}

function line(strings, ...parts) {
  let text = strings[0];
  const spans = [];
  parts.forEach((part, i) => {
    if (part !== null && typeof part === 'object') {
      text += part.value;
      spans.push({ type: part.type, value: part.value });
    } else text += String(part);
    text += strings[i + 1];
  });
  return { text, spans };
}

module.exports = { pii, line };
