// Members from CSV text, for the bulk import. RFC 4180 as spreadsheets write it: fields separated
// by commas, optionally in double quotes (then they may hold commas, line breaks and "" for a
// quote), lines ending in LF or CRLF. Every record keeps the line number it starts on, so that the
// import's report (and the API's errors, which name entries by index) can point at the line.

/** Splits CSV text into records: [{line, fields: [..]}]; blank lines are skipped. */
export function parseCsv(text) {
  const records = [];
  let fields = [];
  let value = '';
  let quoted = false; // inside a quoted field
  let line = 1;
  let start = 1; // the line the current record starts on
  let touched = false; // the current record has any content (so blank lines are skipped)

  const endField = () => {
    fields.push(value);
    value = '';
  };
  const endRecord = () => {
    endField();
    if (touched) records.push({ line: start, fields });
    fields = [];
    touched = false;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        value += c;
      }
    } else if (c === '"') {
      quoted = true;
      touched = true;
    } else if (c === ',') {
      endField();
      touched = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      if (!touched) start = line;
      value += c;
      touched = true;
    }
  }
  endRecord();
  return records;
}

/** The header names each column may have, lowercased, without spaces, dashes or underscores. */
const COLUMNS = {
  email: 'email',
  emailaddress: 'email',
  name: 'name',
  fullname: 'name',
  externalid: 'externalId',
  id: 'externalId',
};

function columnOf(header) {
  return COLUMNS[
    header
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, '')
  ];
}

/**
 * Reads members from CSV text. The first line is a header when one of its cells is "email" (any
 * case); its columns may come in any order and unknown ones are ignored. Without a header the
 * columns are e-mail, name, external id.
 *
 * Returns {members: [{line, email, name?, externalId?}], problems: [{line, email, message}],
 * ignored: [header names not used]}. A problem is what the console can see is wrong (no e-mail);
 * the rest is for the API to judge.
 */
export function membersFromCsv(text) {
  const records = parseCsv(text);
  let order = ['email', 'name', 'externalId'];
  const ignored = [];
  if (records.length && records[0].fields.some((f) => columnOf(f) === 'email')) {
    order = records[0].fields.map((f) => {
      const column = columnOf(f);
      if (!column && f.trim()) ignored.push(f.trim());
      return column || null;
    });
    records.shift();
  }
  const members = [];
  const problems = [];
  for (const { line, fields } of records) {
    if (fields.every((f) => !f.trim())) continue; // ",,," : a blank row as spreadsheets export it
    const member = { line };
    order.forEach((column, i) => {
      const value = (fields[i] || '').trim();
      if (column && value && !member[column]) member[column] = value;
    });
    if (!member.email) problems.push({ line, email: '', message: 'has no e-mail address' });
    members.push(member);
  }
  return { members, problems, ignored };
}
