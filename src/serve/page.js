/* page.js - the what-if page of `fundsim serve`. Every value the page
 * sends is text for the server's --set parser; every number shown comes
 * from the server's answer (yuan). Nothing is fetched from elsewhere. */
'use strict';

const T = {
  zh: {
    title: 'fundsim 政策测算', reset: '全部恢复为{base}', changed: '已修改 {n} 项',
    variant_total: '方案合计（全部兑付年度，含政策期满后 *）', draft_total: '{base}合计', difference: '与{base}之差',
    paid_year: '兑付年度', level: '出资层级', all_years: '全部兑付年度', by_year: '按兑付年度（合计）',
    distribution: '合计的分布（各次模拟）', ranked: '各条线按成本排序', lines: '各条线',
    compared: '与{base}比较', export: '导出', the_draft: '草案',
    compared_note: '同一随机种子与模拟次数（共同随机数）：每次模拟的差值成对计算，区间为均值差的95%置信区间。',
    export_ini: '导出情景文件（INI）', export_run: '导出运行结果与工作簿', export_report: '导出简报',
    clause: '条款', line: '条线', mean: '均值', band: '90%区间', p80: 'P80', p90: 'P90',
    draft: '{base}', variant: '方案', diff: '差值', diff_band: '差值95%区间', change: '变化',
    year: '年度', total: '合计', apart: '（或有项目，不计入合计）', busy: '计算中…',
    ready: '{reps} 次模拟，用时 {s} 秒', cancelled: '已由更新的请求取代', failed: '出错：',
    written: '已写入 {dir}：{files}', writing: '正在导出…', unit: '万元', lang: 'English',
    refused: '未采用：{why}。仍按 {kept} 计算。', refused_status: '{label} 的输入未采用',
    last_accepted: '标红的输入未采用：结果为最近一次被接受的数值。',
    tail: '* 政策期满后兑付：政策期内作出的分年支持与分期兑付承诺（{last} 年以后）；全部兑付年度的合计包括这些年度。',
    export_note: '每次导出写入一个新的编号文件夹，不覆盖之前的导出；每个文件夹都包括与{base}的比较（compare_summary.txt 与 compare/ 中的 compare.csv、工作簿），数字与本页相同。',
    levels: {total: '合计', provincial: '省级', municipal: '市级', district: '区（县级市）级'},
    scenario: '情景 {name} · 种子 {seed} · {reps} 次模拟', to: ' 至 ', valid: '有效范围：',
    hist_variant: '方案', hist_draft: '{base}', count: '次数', yi: '亿元',
    units: {yuan: '元', share: '比例', persons: '人', years: '年', awards: '次'},
    by_where: '按区县与预算主体', tab_districts: '区县', tab_owners: '预算主体',
    district: '区县', owner: '预算主体', all_lines: '全部条线（合计）',
    districts_note: '受助者所在区县，全部兑付年度；“合计”与上表一致。差值为与{base}的配对差值及其95%区间。',
    owners_note: '计入合计的条线按支付资金的预算主体汇总，所选兑付年度与出资层级；新增资金：本政策新增的预算。',
    new_money: '（新增资金）', existing: '（既有项目资金）', new_money_only: '其中：新增资金合计',
  },
  en: {
    title: 'fundsim what-if', reset: 'Reset to {base}', changed: '{n} changed',
    variant_total: 'Variant total (all paid years, * after the policy included)', draft_total: 'Total of {base}',
    difference: 'Difference from {base}', the_draft: 'the draft', paid_year: 'Paid year', level: 'Level',
    all_years: 'All years', by_year: 'By paid year (total)',
    distribution: 'Distribution of the total (replications)', ranked: 'Lines ranked by cost',
    lines: 'Every line', compared: 'Compared with {base}', export: 'Export',
    compared_note: 'Same seed and replications (common random numbers): differences are paired per replication; intervals are 95% intervals of the mean difference.',
    export_ini: 'Scenario file (INI)', export_run: 'Run results and workbook',
    export_report: 'Briefing report', clause: 'Clause', line: 'Line', mean: 'Mean',
    band: '90% interval', p80: 'P80', p90: 'P90', draft: '{Base}', variant: 'Variant',
    diff: 'Difference', diff_band: '95% interval of the difference', change: 'Change',
    year: 'Year', total: 'TOTAL', apart: ' (contingent, not in the total)', busy: 'computing…',
    ready: '{reps} replications in {s} s', cancelled: 'replaced by a newer request',
    failed: 'failed: ', written: 'written to {dir}: {files}', writing: 'exporting…', unit: '万元',
    refused: 'not taken: {why}. Still costed at {kept}.', refused_status: '{label}: input not taken',
    last_accepted: 'Inputs marked red were not taken: the results are for the values last accepted.',
    tail: '* paid after the policy (after {last}): yearly support and instalments committed in the policy period; every all-years total includes them.',
    export_note: 'Each export goes to a new numbered folder and replaces none before it; each holds the comparison with {base} (compare_summary.txt, and compare/ with compare.csv and its workbook), the figures this page shows.',
    lang: '中文', levels: {total: 'all levels', provincial: 'provincial', municipal: 'municipal',
      district: 'district'},
    scenario: 'scenario {name} · seed {seed} · {reps} replications', to: ' to ',
    valid: 'valid: ', hist_variant: 'variant', hist_draft: '{base}', count: 'replications',
    yi: '亿元', units: {},
    by_where: 'By district and budget owner', tab_districts: 'Districts', tab_owners: 'Budget owners',
    district: 'District', owner: 'Budget owner', all_lines: 'All lines (total)',
    districts_note: 'The district of each recipient, all paid years; the total row is the table above\'s. Differences are paired with {base}, with their 95% intervals.',
    owners_note: 'The lines in the total by the budget that pays them, for the paid year and level chosen; new money: budget the policy adds.',
    new_money: ' (new money)', existing: ' (existing programme)', new_money_only: 'Of which: new money only',
  },
};

const S = {
  lang: 'zh', params: null, res: null, overrides: new Map(), good: new Map(), seq: 0,
  controls: new Map(), charts: {}, poll: null, tab: 'districts',
};

const $ = (id) => document.getElementById(id);
/* {base}: what the variant is compared with, the draft or the scenario served */
const tr = (k, vars) => {
  let s = T[S.lang][k];
  const base = !S.params || S.params.builtin ? T[S.lang].the_draft : S.params.scenario;
  const Base = base.charAt(0).toUpperCase() + base.slice(1);
  for (const [a, b] of Object.entries(Object.assign({base, Base}, vars))) s = s.replace('{' + a + '}', b);
  return s;
};
const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
};

/* Amounts in 万元 to the hundredth, grouped: "12,345.67". */
const wan = (y) => y == null ? '–' : (y / 1e4).toLocaleString('en-US',
  {minimumFractionDigits: 2, maximumFractionDigits: 2});
const yi = (y) => y == null ? '–' : (y / 1e8).toLocaleString('en-US',
  {minimumFractionDigits: 2, maximumFractionDigits: 2});
const signed = (y) => (y > 0 ? '+' : '') + wan(y);
const tidy = (v) => String(parseFloat(Number(v).toPrecision(12)));
/* "1,500,000元" (or with the Chinese comma) as --set reads it, the commas
 * out: the CSV reader's rule (src/inputs/csvread.c, ungroup), groups of
 * three only, so "1,5" (a decimal comma?) is never guessed at and the
 * server says why it is refused. The number itself is the server's to read. */
const ungroup = (t) => /^[+-]?\d{1,3}([,，]\d{3})+(\.\d+)?[^\d,，]*$/.test(t) ? t.replace(/[,，]/g, '') : t;
/* A calendar year as the tables name it: * after the policy's own paid years. */
const yearName = (y) => String(y) + (S.res && y > S.res.policy_last ? '*' : '');

/* A round upper end and step for a slider: 1, 2 or 5 times a power of ten. */
function nice(x) {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/* How a numeric parameter's slider moves, in the unit people write. */
function slider(p) {
  if (p.num == null) return null;
  if (p.type === 'money') {
    const base = p.num / 1e4, max = nice(Math.max(base * 4, 10));
    return {min: 0, max, step: nice(max / 200), val: base, text: (v) => tidy(v) + '万'};
  }
  if (p.type === 'share') {
    const base = p.num * 100, max = Math.min(p.hi * 100, nice(Math.max(base * 4, 1)));
    return {min: 0, max, step: nice(max / 500), val: base, text: (v) => tidy(v) + '%'};
  }
  if (p.type === 'int') {
    const max = Math.min(p.hi, Math.max(p.num * 4, p.lo + 10));
    return {min: p.lo, max, step: 1, val: p.num, text: (v) => String(v)};
  }
  if (p.type === 'number') {
    const max = nice(Math.max(p.num * 4, 10));
    return {min: 0, max, step: nice(max / 200), val: p.num, text: (v) => tidy(v)};
  }
  return null;
}

/* ---- controls ---- */

/* How many changes apply: a refused value is none of them. */
function counted() {
  $('changed').textContent = S.overrides.size ? tr('changed', {n: S.overrides.size}) : '';
}

function setOverride(key, text) {
  const c = S.controls.get(key);
  if (text === c.p.value) S.overrides.delete(key); else S.overrides.set(key, text);
  c.box.classList.toggle('changed', S.overrides.has(key));
  c.box.classList.remove('invalid');
  c.refused = null;
  c.err.textContent = '';
  counted();
}

const labelOf = (c) => S.lang === 'zh' ? c.p.label_zh : c.p.label_en;
/* The value the results use for c: the last accepted, else the scenario's. */
const kept = (c) => S.good.has(c.p.key) ? S.good.get(c.p.key) : c.p.value;

/* A refused value stays in its box for the planner to correct, marked,
 * with why beside it and the value still costed; a box with no text to
 * correct (a checkbox, a list) goes back to that value. */
function refuse(c, why) {
  c.refused = why;
  c.box.classList.add('invalid');
  c.box.classList.toggle('changed', S.overrides.has(c.p.key));
  if (c.p.type === 'bool') c.input.checked = kept(c) === 'true';
  else if (c.p.type === 'enum') c.input.value = kept(c);
  c.err.textContent = tr('refused', {why, kept: kept(c)});
}

/* Under the headline: the unit, and whether a refused input is on screen. */
function note() {
  const any = [...S.controls.values()].some((c) => c.refused);
  $('answer-note').textContent = tr('unit') + (any ? ' · ' + tr('last_accepted') : '');
  $('answer-note').classList.toggle('warn', any);
}

let timer = null;
function later() {
  clearTimeout(timer);
  timer = setTimeout(send, 250);
}

function control(p) {
  const box = el('div', {class: 'param', 'data-key': p.key});
  const label = el('label');
  const err = el('div', {class: 'err', role: 'alert'});
  const c = {p, box, label, err, input: null, range: null, hint: null};
  box.append(label);
  if (p.type === 'bool') {
    const cb = el('input', {type: 'checkbox', 'data-key': p.key});
    cb.checked = p.value === 'true';
    cb.addEventListener('change', () => { setOverride(p.key, cb.checked ? 'true' : 'false'); send(); });
    c.input = cb;
    box.append(cb);
  } else if (p.type === 'enum') {
    /* the word the server reads is the value; what it means is shown */
    const sel = el('select', {'data-key': p.key});
    for (const ch of p.choices) sel.append(el('option', {value: ch}));
    sel.value = p.value;
    sel.addEventListener('change', () => { setOverride(p.key, sel.value); send(); });
    c.input = sel;
    box.append(sel);
  } else {
    const text = el('input', {type: 'text', value: p.value, 'data-key': p.key, spellcheck: 'false'});
    const sl = slider(p);
    text.addEventListener('change', () => {
      text.value = ungroup(text.value.trim());
      setOverride(p.key, text.value);
      send();
    });
    box.append(text);
    if (sl) {
      const r = el('input', {type: 'range', min: sl.min, max: sl.max, step: sl.step,
        'data-key': p.key});
      r.value = sl.val;
      r.addEventListener('input', () => {
        text.value = sl.text(Number(r.value));
        setOverride(p.key, text.value);
        later();
      });
      c.range = r;
      c.slider = sl;
      box.append(r);
    }
    c.input = text;
    c.hint = el('div', {class: 'hint'});
    box.append(c.hint);
  }
  box.append(err);
  S.controls.set(p.key, c);
  return box;
}

function buildControls() {
  const groups = $('groups');
  groups.textContent = '';
  const byClause = new Map();
  S.params.lines.forEach((l, i) => {
    if (!byClause.has(l.clause)) byClause.set(l.clause, []);
    byClause.get(l.clause).push([l, i]);
  });
  let first = true;
  for (const [clause, lines] of byClause) {
    const d = el('details', first ? {open: ''} : {});
    first = false;
    const sum = el('summary', {'data-clause': clause});
    d.append(sum);
    for (const [l] of lines) {
      const box = el('div', {class: 'line'});
      box.append(el('div', {class: 'line-name', 'data-line': l.id}));
      for (const p of l.params) box.append(control(p));
      d.append(box);
    }
    groups.append(d);
  }
}

function labelControls() {
  const lines = S.params.lines;
  for (const s of document.querySelectorAll('summary[data-clause]')) {
    const ls = lines.filter((l) => l.clause === s.dataset.clause);
    s.textContent = s.dataset.clause + ' ' + ls.map((l) => l.id).join(' ');
  }
  for (const d of document.querySelectorAll('.line-name')) {
    const l = lines.find((x) => x.id === d.dataset.line);
    d.textContent = l.id + ' ' + (S.lang === 'zh' ? l.zh : l.en);
  }
  for (const c of S.controls.values()) {
    const name = S.lang === 'zh' ? c.p.label_zh : c.p.label_en;
    c.label.textContent = name;
    c.label.title = c.p.key + ': ' + (S.lang === 'zh' ? c.p.desc_zh : c.p.desc_en);
    if (c.p.type === 'enum') {
      const words = S.lang === 'zh' ? c.p.choices_zh : c.p.choices_en;
      [...c.input.options].forEach((o, k) => {
        o.textContent = words[k];
        o.title = o.value;
      });
    }
    if (c.refused) c.err.textContent = tr('refused', {why: c.refused, kept: kept(c)});
    const unit = T[S.lang].units[c.p.unit] || c.p.unit;
    /* the range as the parameter table words it ("0% to 100%", "1 to 6 years"), its unit
     * words too; only a real bound of the key: an amount's 0元 to 10万亿 or a count's 0 to
     * 10000000 is the table's guard against typos, which tells a planner nothing */
    const bounded = c.p.range && c.p.hi < 1e6 && !/[元万亿]/.test(c.p.range);
    if (c.hint) c.hint.textContent = (unit ? unit : '') + (unit && bounded ? ' · ' : '') +
      (bounded ? tr('valid') + c.p.range.replace(' to ', tr('to'))
        .replace(/\b[a-z]{3,}\b/g, (w) => T[S.lang].units[w] || w) : '');
  }
}

/* ---- answers ---- */

function busy(on) {
  document.body.dataset.state = on ? 'busy' : 'ready';
  $('progress').hidden = !on;
  $('status').classList.toggle('busy', on);
  if (on) {
    $('status').textContent = tr('busy');
    if (!S.poll) S.poll = setInterval(poll, 200);
  } else {
    clearInterval(S.poll);
    S.poll = null;
  }
}

async function poll() {
  try {
    const r = await fetch('/api/progress');
    const j = await r.json();
    if (j.total) $('progress').value = j.done / j.total;
  } catch (e) { /* the next answer tells */ }
}

async function send() {
  clearTimeout(timer);
  const my = ++S.seq;
  const sent = new Map(S.overrides);
  busy(true);
  $('progress').value = 0;
  let r, j;
  try {
    r = await fetch('/api/run', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(Object.fromEntries(sent))});
    j = await r.json();
  } catch (e) {
    if (my === S.seq) { busy(false); $('global-error').textContent = tr('failed') + e; }
    return;
  }
  if (my !== S.seq) return; /* a newer request is under way */
  busy(false);
  if (r.status === 200) {
    S.res = j;
    S.good = sent;
    $('global-error').textContent = '';
    $('total-mean').dataset.overrides = JSON.stringify(Object.fromEntries(sent));
    render();
    document.body.dataset.answers = String(my);
  } else if (r.status === 409) {
    $('status').textContent = tr('cancelled');
  } else {
    const c = j.key && S.controls.get(j.key);
    if (c) {
      /* what was refused is neither sent again nor counted: back to the last accepted value */
      if (S.good.has(j.key)) S.overrides.set(j.key, S.good.get(j.key));
      else S.overrides.delete(j.key);
      refuse(c, j.reason || j.error);
      counted();
      $('status').textContent = tr('refused_status', {label: labelOf(c)});
    } else {
      $('global-error').textContent = j.reason || j.error;
      $('status').textContent = tr('failed');
    }
    document.body.dataset.state = 'error';
    note();
    /* changes sent with the refused one were not run: run them without it */
    const same = S.overrides.size === S.good.size &&
      [...S.good].every(([k, v]) => S.overrides.get(k) === v);
    if (c && !same) later();
  }
}

/* ---- results ---- */

const LEVELS = ['total', 'provincial', 'municipal', 'district'];

function years() {
  const c = S.res.cmp, ys = [];
  for (let i = 0; i < c.nyears; i++) ys.push(c.first_year + i);
  return ys;
}

/* The variant's cell [mean, p5, p95, p80, p90] for calendar year y ('all'). */
function cell(line, y, lv) {
  const r = S.res;
  const yi = y === 'all' ? r.nyears : y - r.first_year;
  if (yi < 0 || yi > r.nyears) return null;
  return r.cells[line][yi][lv];
}

/* The comparison [draft, variant, diff, lo, hi] for calendar year y. */
function cmp(line, y, lv) {
  const c = S.res.cmp;
  return c.cells[line][y === 'all' ? c.nyears : y - c.first_year][lv];
}

function fillSelectors() {
  const ysel = $('year'), lsel = $('level');
  const yv = ysel.value || 'all', lv = lsel.value || '0';
  ysel.textContent = '';
  ysel.append(el('option', {value: 'all', text: tr('all_years')}));
  for (const y of years()) ysel.append(el('option', {value: String(y), text: yearName(y)}));
  ysel.value = [...ysel.options].some((o) => o.value === yv) ? yv : 'all';
  lsel.textContent = '';
  LEVELS.forEach((l, i) => lsel.append(el('option', {value: String(i), text: T[S.lang].levels[l]})));
  lsel.value = lv;
}

function row(cells, cls) {
  const r = el('tr', cls ? {class: cls} : {});
  for (const c of cells) {
    if (c instanceof HTMLElement) r.append(c);
    else r.append(el('td', {text: c}));
  }
  return r;
}

const th = (k, cls) => el('th', {text: tr(k), class: cls || ''});
const band = (c) => c ? wan(c[1]) + ' – ' + wan(c[2]) : '–';
function diffTd(d) {
  const td = el('td', {text: signed(d)});
  if (d > 0.005) td.className = 'up'; else if (d < -0.005) td.className = 'down';
  return td;
}

function render() {
  const r = S.res, N = S.params.lines.length;
  if (document.body.dataset.state === 'ready')
    $('status').textContent = tr('ready', {reps: r.reps, s: r.seconds.toFixed(2)});
  fillSelectors();
  const y = $('year').value === 'all' ? 'all' : Number($('year').value);
  const lv = Number($('level').value);
  /* the headline: the whole period, every level */
  const tot = cell(N, 'all', 0), ct = cmp(N, 'all', 0);
  $('total-mean').textContent = wan(tot[0]) + ' ' + tr('unit');
  $('total-mean').dataset.yuan = String(tot[0]);
  $('total-band').textContent = tr('band') + ' ' + band(tot) + ' · P80 ' + wan(tot[3]) +
    ' · P90 ' + wan(tot[4]) + ' · ' + yi(tot[0]) + ' ' + tr('yi');
  $('base-mean').textContent = wan(ct[0]) + ' ' + tr('unit');
  $('base-band').textContent = yi(ct[0]) + ' ' + tr('yi');
  $('diff-mean').textContent = signed(ct[2]) + ' ' + tr('unit');
  $('diff-band').textContent = '95%: ' + signed(ct[3]) + ' – ' + signed(ct[4]) +
    (ct[0] ? ' · ' + (ct[2] / ct[0] * 100).toFixed(1) + '%' : '');
  note();
  $('tail-note').textContent = r.cmp.first_year + r.cmp.nyears - 1 > r.policy_last
    ? tr('tail', {last: r.policy_last}) : '';

  const yt = $('years-table');
  yt.textContent = '';
  yt.append(row([th('year', 'name'), th('mean'), th('band'), th('p80'), th('p90'), th('draft'),
    th('diff'), th('diff_band')]));
  for (const yy of [...years(), 'all']) {
    const c = cell(N, yy, lv), d = cmp(N, yy, lv);
    yt.append(row([el('td', {class: 'name', text: yy === 'all' ? tr('all_years') : yearName(yy)}),
      c ? wan(c[0]) : '–', band(c), c ? wan(c[3]) : '–', c ? wan(c[4]) : '–', wan(d[0]),
      diffTd(d[2]), signed(d[3]) + ' – ' + signed(d[4])], yy === 'all' ? 'total' : ''));
  }

  const lt = $('lines-table'), ctab = $('compare-table');
  lt.textContent = '';
  ctab.textContent = '';
  lt.append(row([th('clause', 'name'), th('line', 'name'), th('mean'), th('band'), th('p80'),
    th('p90')]));
  ctab.append(row([th('clause', 'name'), th('line', 'name'), th('draft'), th('variant'),
    th('diff'), th('diff_band'), th('change')]));
  for (let i = 0; i <= N; i++) {
    const l = S.params.lines[i], c = cell(i, y, lv), d = cmp(i, y, lv);
    const name = i === N ? tr('total') : l.id + ' ' + (S.lang === 'zh' ? l.zh : l.en) +
      (r.in_total[i] ? '' : tr('apart'));
    const cls = i === N ? 'total' : r.in_total[i] ? '' : 'apart';
    const clause = el('td', {class: 'name', text: i === N ? '' : l.clause});
    lt.append(row([clause, el('td', {class: 'name', text: name}), c ? wan(c[0]) : '–', band(c),
      c ? wan(c[3]) : '–', c ? wan(c[4]) : '–'], cls));
    ctab.append(row([clause.cloneNode(true), el('td', {class: 'name', text: name}), wan(d[0]),
      wan(d[1]), diffTd(d[2]), signed(d[3]) + ' – ' + signed(d[4]),
      d[0] ? (d[2] / d[0] * 100).toFixed(1) + '%' : '–'], cls));
  }
  where(y, lv);
  charts();
}

/* ---- districts and budget owners ---- */

function fillWhereLine() {
  const sel = $('where-line'), v = sel.value || String(S.params.lines.length);
  sel.textContent = '';
  sel.append(el('option', {value: String(S.params.lines.length), text: tr('all_lines')}));
  S.params.lines.forEach((l, i) => sel.append(el('option', {value: String(i),
    text: l.id + ' ' + (S.lang === 'zh' ? l.zh : l.en)})));
  sel.value = v;
}

function showTab(t) {
  S.tab = t;
  for (const b of document.querySelectorAll('button.tab'))
    b.setAttribute('aria-selected', String(b.dataset.tab === t));
  $('tab-districts').hidden = t !== 'districts';
  $('tab-owners').hidden = t !== 'owners';
  $('where-line-box').hidden = t !== 'districts';
  if (t === 'districts' && S.charts['districts-chart']) S.charts['districts-chart'].resize();
}

/* The districts (the line chosen, all paid years, level lv) and the
 * budget owners (paid year y, level lv): the variant's mean, 90%
 * interval, P80, P90, and its paired difference to the base. */
function where(y, lv) {
  const r = S.res, N = S.params.lines.length, line = Number($('where-line').value);
  const head = (first) => row([th(first, 'name'), th('mean'), th('band'), th('p80'), th('p90'),
    th('draft'), th('diff'), th('diff_band')]);
  const figures = (c, d) => [c ? wan(c[0]) : '–', band(c), c ? wan(c[3]) : '–',
    c ? wan(c[4]) : '–', d ? wan(d[0]) : '–', d ? diffTd(d[2]) : '–',
    d ? signed(d[3]) + ' – ' + signed(d[4]) : '–'];
  const dt = $('districts-table');
  dt.textContent = '';
  dt.append(head('district'));
  const shown = [];
  S.params.districts.forEach((n, k) => {
    const c = r.districts.cells[k][line][lv], d = r.districts.cmp[k][line][lv];
    /* 未指定 only when some recipient had no district, as by_district.csv */
    if (k === 0 && !(c && c[0] > 0) && !(d && d[0] > 0)) return;
    shown.push(k);
    dt.append(row([el('td', {class: 'name', text: S.lang === 'zh' ? n.zh : n.en}),
      ...figures(c, d)]));
  });
  dt.append(row([el('td', {class: 'name', text: tr('total')}),
    ...figures(cell(line, 'all', lv), cmp(line, 'all', lv))], 'total'));
  dt.dataset.line = String(line);

  const ot = $('owners-table'), ny = r.nyears, cny = r.cmp.nyears;
  const oy = y === 'all' ? ny : y - r.first_year, cy = y === 'all' ? cny : y - r.cmp.first_year;
  ot.textContent = '';
  ot.append(head('owner'));
  const O = S.params.owners.length;
  for (let k = 0; k <= O; k++) {
    const c = oy >= 0 && oy < ny + 2 ? r.owners.cells[k][oy][lv] : null;
    const d = r.owners.cmp[k][cy][lv];
    const o = S.params.owners[k];
    const name = k === O ? tr('new_money_only') : (S.lang === 'zh' ? o.zh : o.en) +
      tr(r.owners.new[k] ? 'new_money' : 'existing');
    ot.append(row([el('td', {class: 'name', text: name}), ...figures(c, d)], k === O ? 'apart' : ''));
  }
  ot.append(row([el('td', {class: 'name', text: tr('total')}), ...figures(cell(N, y, lv), cmp(N, y, lv))],
    'total'));
  whereChart(shown, line, lv);
}

function whereChart(shown, line, lv) {
  if (typeof echarts === 'undefined') return;
  if (!S.charts['districts-chart'])
    S.charts['districts-chart'] = echarts.init($('districts-chart'), null, {renderer: 'canvas'});
  const r = S.res, names = shown.map((k) => {
    const n = S.params.districts[k];
    return S.lang === 'zh' ? n.zh : n.en;
  });
  const mean = (k, i) => {
    const d = r.districts.cmp[k][line][lv];
    return d ? +(d[i] / 1e4).toFixed(2) : null;
  };
  S.charts['districts-chart'].setOption({
    animation: false, legend: {top: 0}, grid: {left: 70, right: 16, top: 30, bottom: 60},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    xAxis: {type: 'category', data: names, axisLabel: {interval: 0, rotate: S.lang === 'zh' ? 0 : 25}},
    yAxis: {type: 'value', name: tr('unit')},
    series: [
      {name: tr('draft'), type: 'bar', data: shown.map((k) => mean(k, 0)), itemStyle: {color: '#9fb3c8'}},
      {name: tr('variant'), type: 'bar', data: shown.map((k) => mean(k, 1)), itemStyle: {color: '#d35400'}},
    ],
  }, true);
}

function histogram(a, b) {
  const all = a.concat(b), lo = Math.min(...all), hi = Math.max(...all), n = 30;
  const w = (hi - lo) / n || 1, ca = new Array(n).fill(0), cb = new Array(n).fill(0);
  for (const v of a) ca[Math.min(n - 1, Math.floor((v - lo) / w))]++;
  for (const v of b) cb[Math.min(n - 1, Math.floor((v - lo) / w))]++;
  const labels = ca.map((_, i) => ((lo + (i + 0.5) * w) / 1e8).toFixed(2));
  return {labels, ca, cb};
}

function charts() {
  const r = S.res, N = S.params.lines.length, lv = Number($('level').value);
  if (typeof echarts === 'undefined') return;
  for (const id of ['dist-chart', 'rank-chart'])
    if (!S.charts[id]) S.charts[id] = echarts.init($(id), null, {renderer: 'canvas'});
  const h = histogram(r.dist, r.base_dist);
  S.charts['dist-chart'].setOption({
    animation: false, legend: {top: 0}, grid: {left: 50, right: 16, top: 30, bottom: 40},
    tooltip: {trigger: 'axis'},
    xAxis: {type: 'category', data: h.labels, name: tr('yi'), nameLocation: 'middle', nameGap: 26},
    yAxis: {type: 'value', name: tr('count')},
    series: [
      {name: tr('hist_draft'), type: 'bar', data: h.cb, barGap: '-100%', itemStyle: {color: '#9fb3c8', opacity: 0.8}},
      {name: tr('hist_variant'), type: 'bar', data: h.ca, itemStyle: {color: '#d35400', opacity: 0.6}},
    ],
  }, true);
  const y = $('year').value === 'all' ? 'all' : Number($('year').value);
  const ranked = r.ranked.slice().reverse();
  const name = (i) => S.params.lines[i].id;
  S.charts['rank-chart'].setOption({
    animation: false, legend: {top: 0}, grid: {left: 60, right: 24, top: 30, bottom: 44},
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    xAxis: {type: 'value', name: tr('unit'), nameLocation: 'middle', nameGap: 26},
    yAxis: {type: 'category', data: ranked.map(name)},
    series: [
      {name: tr('draft'), type: 'bar', data: ranked.map((i) => +(cmp(i, y, lv)[0] / 1e4).toFixed(2)),
        itemStyle: {color: '#9fb3c8'}},
      {name: tr('variant'), type: 'bar', data: ranked.map((i) => +(cmp(i, y, lv)[1] / 1e4).toFixed(2)),
        itemStyle: {color: '#d35400'}},
    ],
  }, true);
}

/* ---- exports ---- */

/* What an export wrote, or why it could not (the server's message, red). */
async function exportAs(kind) {
  const st = $('export-status');
  st.textContent = tr('writing');
  st.className = '';
  try {
    const r = await fetch('/api/export?kind=' + kind, {method: 'POST',
      headers: {'Content-Type': 'application/json'}, body: JSON.stringify(Object.fromEntries(S.good))});
    const j = await r.json();
    st.textContent = r.status === 200 ? tr('written', {dir: j.dir, files: j.files})
      : tr('failed') + (j.reason || j.error);
    st.className = r.status === 200 ? '' : 'err';
    st.dataset.status = String(r.status);
  } catch (e) {
    st.textContent = tr('failed') + e;
    st.className = 'err';
  }
}

/* ---- the page ---- */

function relabel() {
  document.documentElement.lang = S.lang === 'zh' ? 'zh' : 'en';
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = tr(e.dataset.t);
  $('lang').textContent = tr('lang');
  $('scenario').textContent = tr('scenario', {name: S.params.scenario, seed: S.params.seed,
    reps: S.params.reps});
  $('changed').textContent = S.overrides.size ? tr('changed', {n: S.overrides.size}) : '';
  labelControls();
  fillWhereLine();
  if (S.res) render();
}

async function start() {
  const r = await fetch('/api/params');
  S.params = await r.json();
  S.lang = S.params.lang === 'en' ? 'en' : 'zh';
  buildControls();
  relabel();
  $('lang').addEventListener('click', () => { S.lang = S.lang === 'zh' ? 'en' : 'zh'; relabel(); });
  $('year').addEventListener('change', render);
  $('level').addEventListener('change', render);
  $('where-line').addEventListener('change', render);
  for (const b of document.querySelectorAll('button.tab'))
    b.addEventListener('click', () => showTab(b.dataset.tab));
  showTab(S.tab);
  $('reset').addEventListener('click', () => {
    for (const c of S.controls.values()) {
      if (c.p.type === 'bool') c.input.checked = c.p.value === 'true';
      else c.input.value = c.p.value;
      if (c.range) c.range.value = c.slider.val;
      setOverride(c.p.key, c.p.value);
    }
    send();
  });
  for (const b of document.querySelectorAll('button.export'))
    b.addEventListener('click', () => exportAs(b.dataset.kind));
  window.addEventListener('resize', () => Object.values(S.charts).forEach((c) => c.resize()));
  send();
}

start();
