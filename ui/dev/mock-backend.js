// A stand-in for the Rust side, for looking at the UI in a plain browser (headless Chromium
// screenshots, `npm run dev`). Not part of the app: nothing in src/ imports it. Load it before
// the app's script, e.g. with Playwright's `page.addInitScript({ path })`, after setting
//   window.__NIANBAO_MOCK__ = { sample: <a Report from `nianbao show ID --json`>, reports: [...],
//                               failSaves: 0, openError: null, latencyMs: 0,
//                               damaged: false, backups: [<BackupFile>…] }
// It keeps reports in memory with the store's rules for ids and positions (see
// crates/nianbao-store/src/blocks.rs) and answers the dialog/window plugin calls.
(() => {
  const config = (window.__NIANBAO_MOCK__ = window.__NIANBAO_MOCK__ || {});
  const log = (config.log = []);
  let nextId = 1000;
  const reports = new Map(); // id → { report, summary }
  let nextReportId = 1;

  const now = () => new Date().toISOString();
  const clone = (x) => JSON.parse(JSON.stringify(x));
  const fail = (message, detail = message) => {
    throw { message, detail };
  };

  function assignIds(report, keep) {
    const give = (node) => {
      if (!keep || node.id == null) node.id = nextId++;
      else nextId = Math.max(nextId, node.id + 1);
    };
    const walk = (blocks) =>
      blocks.forEach((b) => {
        give(b);
        if (b.kind === 'heading') walk(b.children);
      });
    report.preface.forEach(give);
    report.parts.forEach((p) => {
      give(p);
      walk(p.blocks);
    });
    return report;
  }

  function chars(report) {
    let n = 0;
    const len = (s) => [...(s || '')].length;
    const walk = (blocks) =>
      blocks.forEach((b) => {
        n += len(b.text) + len(b.body);
        if (b.kind === 'heading') walk(b.children);
      });
    report.preface.forEach((p) => (n += len(p.text)));
    report.parts.forEach((p) => {
      n += len(p.heading) + len(p.body);
      walk(p.blocks);
    });
    return n;
  }

  function title(meta) {
    return meta.title && meta.title.trim() ? meta.title : `${meta.issuer}${meta.year}年法治政府建设年度情况报告`;
  }

  function store(report, extra = {}) {
    const id = nextReportId++;
    const t = now();
    reports.set(id, { report: assignIds(clone(report), false), status: 'draft', created_at: t, updated_at: t, deleted_at: null, ...extra });
    return id;
  }

  function entry(id) {
    return reports.get(id) || fail('找不到该报告或段落，可能已被删除。请刷新报告库。', `no report ${id}`);
  }

  function summary(id) {
    const e = reports.get(id);
    const s = { id, issuer: e.report.meta.issuer, year: e.report.meta.year, title: title(e.report.meta), status: e.status, created_at: e.created_at, updated_at: e.updated_at, chars: chars(e.report) };
    if (e.deleted_at) s.deleted_at = e.deleted_at;
    return s;
  }

  const snapshots = []; // { reportId, report, summary }, oldest first
  const backups = clone(config.backups || []);

  function snapshot(reportId, reason, label, always) {
    const report = clone(entry(reportId).report);
    const last = snapshots.filter((x) => x.reportId === reportId).pop();
    if (!always && last && JSON.stringify(last.report) === JSON.stringify(report)) return null;
    const id = nextId++;
    snapshots.push({ reportId, report, summary: { id, created_at: now(), reason, label, chars: chars(report) } });
    return id;
  }

  function findSnapshot(id) {
    return snapshots.find((x) => x.summary.id === id) || fail('找不到该报告或段落，可能已被删除。请刷新报告库。', `no snapshot ${id}`);
  }

  /** The paragraphs as printed, without numbering (enough for a look at the comparison). */
  function printed(report) {
    const out = [title(report.meta), ...report.preface.map((p) => p.text)];
    const walk = (blocks) =>
      blocks.forEach((b) => {
        out.push(b.kind === 'heading' ? b.text + b.body : b.text);
        if (b.kind === 'heading') walk(b.children);
      });
    report.parts.forEach((p) => {
      out.push(p.heading + p.body);
      walk(p.blocks);
    });
    return out.filter((t) => t.trim());
  }

  function touch(e) {
    e.updated_at = now();
  }

  /** Finds the node with `id` and the list holding it. */
  function find(report, id) {
    let hit = null;
    const walk = (list, level, ancestors) => {
      list.forEach((b, index) => {
        if (hit) return;
        if (b.id === id) hit = { node: b, list, index, level, ancestors };
        else if (b.kind === 'heading') walk(b.children, level + 1, [b.id, ...ancestors]);
      });
    };
    report.preface.forEach((p, index) => {
      if (p.id === id) hit = { node: p, list: report.preface, index, level: 0, ancestors: [], preface: true };
    });
    report.parts.forEach((p, index) => {
      if (hit) return;
      if (p.id === id) hit = { node: p, list: report.parts, index, level: 1, ancestors: [], part: true };
      else walk(p.blocks, 2, [p.id]);
    });
    return hit;
  }

  function reportOfBlock(id) {
    for (const [rid, e] of reports) if (find(e.report, id)) return [rid, e];
    return fail('找不到该报告或段落，可能已被删除。请刷新报告库。', `no block ${id}`);
  }

  function slot(report, reportId, at) {
    if (at.in === 'preface') return { list: report.preface, level: 0, ancestors: [], preface: true };
    const id = at.in === 'in_part' ? at.part_id : at.heading_id;
    const hit = find(report, id) || fail('找不到该报告或段落，可能已被删除。请刷新报告库。');
    if (at.in === 'in_part' && !hit.part) fail('这个位置不能放该内容。');
    if (at.in === 'in_heading' && hit.node.kind !== 'heading') fail(hit.node.kind === 'paragraph' ? '段落下面不能再放内容。' : '这个位置不能放该内容。');
    return { list: at.in === 'in_part' ? hit.node.blocks : hit.node.children, level: hit.level + 1, ancestors: [id, ...hit.ancestors] };
  }

  const height = (b) => (b.kind === 'heading' ? 1 + Math.max(0, ...b.children.map(height)) : 0);

  function checkDepth(s, block) {
    const h = height(block);
    if (h === 0) return;
    if (s.preface) fail('导语中只能有段落，不能有标题。');
    if (s.level + h - 1 > 4) fail('标题最多四级，不能再降级。');
  }

  const handlers = {
    app_info: () => ({
      version: '0.1.0-mock',
      db_path: '/home/clerk/.local/share/nianbao/nianbao.db',
      open_error: config.openError || null,
      hints: [
        { key: 'preface', text: '概述本年度法治政府建设总体情况，一般以“现将{年度}年法治政府建设情况报告如下：”结尾。' },
        { key: 'measures', text: '{年度}年推进法治政府建设的主要举措和成效。一般分若干方面，用（一）（二）列出，每方面写做法、数据和成效。' },
        { key: 'shortcomings', text: '实事求是写明存在的不足及其原因，常用“一是……二是……三是……”。' },
        { key: 'leadership', text: '党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况。' },
        { key: 'plans', text: '{下一年度}年度推进法治政府建设的主要安排，写明目标、措施和责任。' },
        { key: 'other', text: '其他需要报告的情况；没有的，写“无其他需要报告的情况。”' },
      ],
    }),
    list_reports: () =>
      [...reports.keys()]
        .filter((id) => !reports.get(id).deleted_at)
        .map(summary)
        .sort((a, b) => b.year - a.year || b.updated_at.localeCompare(a.updated_at)),
    list_trash: () => [...reports.keys()].filter((id) => reports.get(id).deleted_at).map(summary),
    create_report: ({ issuer, year }) => {
      if (!issuer.trim() || year < 1900 || year > 9999) fail('请填写机关全称和有效的年度（1900–9999）。');
      const blank = () => ({ kind: 'paragraph', text: '' });
      const part = (statutory, heading) => ({ statutory, heading, body: '', blocks: [blank()] });
      return store({
        meta: { template: 'fazhi-zhengfu', issuer: issuer.trim(), year, title: null, recipient: null, signature: null, date: null, attachments: [], imprint: null, sealed: false },
        preface: [{ text: '' }],
        parts: [
          part('measures', '推进法治政府建设的主要举措和成效'),
          part('shortcomings', '推进法治政府建设存在的不足和原因'),
          part('leadership', '党政主要负责人履行推进法治建设第一责任人职责情况'),
          part('plans', `${year + 1}年度推进法治政府建设的主要安排`),
          part('other', '其他需要报告的情况'),
        ],
      });
    },
    create_from_previous: ({ sourceId, year }) => {
      const r = clone(entry(sourceId).report);
      r.meta.year = year;
      return store(r);
    },
    copy_report: ({ id }) => store(entry(id).report),
    trash_report: ({ id }) => void (entry(id).deleted_at = entry(id).deleted_at || now()),
    restore_report: ({ id }) => void (entry(id).deleted_at = null),
    purge_report: ({ id }) => {
      if (!entry(id).deleted_at) fail('只能彻底删除回收站中的报告。');
      reports.delete(id);
    },
    set_status: ({ id, status }) => {
      const e = entry(id);
      e.status = status;
      touch(e);
    },
    import_file: () => ({ id: store(config.sample), warnings: ['第 3 行是网页上的来源和日期，已略去。'] }),
    import_sample: () => store(config.sample),
    load_report: ({ id }) => clone(entry(id).report),
    update_meta: ({ id, meta }) => {
      const e = entry(id);
      e.report.meta = clone(meta);
      touch(e);
    },
    update_block: ({ blockId, text, body }) => {
      if (config.failSaves > 0) {
        config.failSaves -= 1;
        fail('保存失败，数据库暂时无法写入。稍后会自动重试。', 'database is locked');
      }
      const [, e] = reportOfBlock(blockId);
      const hit = find(e.report, blockId);
      if (hit.part) {
        hit.node.heading = text;
        hit.node.body = body;
      } else {
        hit.node.text = text;
        if (hit.node.kind === 'heading') hit.node.body = body;
        else if (body) fail('段落没有标题句。');
      }
      touch(e);
    },
    insert_block: ({ reportId, at, block }) => {
      const e = entry(reportId);
      const s = slot(e.report, reportId, at);
      checkDepth(s, block);
      if (at.index > s.list.length) fail('已经到头了，不能再移动。');
      const b = clone(block);
      const give = (n) => {
        n.id = nextId++;
        if (n.kind === 'heading') n.children.forEach(give);
      };
      give(b);
      s.list.splice(at.index, 0, b);
      touch(e);
      return clone(e.report);
    },
    move_block: ({ reportId, blockId, to }) => {
      const e = entry(reportId);
      const hit = find(e.report, blockId) || fail('找不到该报告或段落，可能已被删除。请刷新报告库。');
      if (hit.part) fail('一级标题请用“上移部分”“下移部分”调整顺序。');
      const s = slot(e.report, reportId, to);
      if (s.ancestors.includes(blockId)) fail('不能把标题移到它自己的下级中。');
      checkDepth(s, hit.node);
      const len = s.list === hit.list ? s.list.length - 1 : s.list.length;
      if (to.index > len) fail('已经到头了，不能再移动。');
      hit.list.splice(hit.index, 1);
      s.list.splice(to.index, 0, hit.node);
      touch(e);
      return clone(e.report);
    },
    delete_block: ({ reportId, blockId }) => {
      const e = entry(reportId);
      const hit = find(e.report, blockId) || fail('找不到该报告或段落，可能已被删除。请刷新报告库。');
      hit.list.splice(hit.index, 1);
      touch(e);
      return clone(e.report);
    },
    insert_part: ({ reportId, index, part }) => {
      const e = entry(reportId);
      e.report.parts.splice(index, 0, assignIds({ preface: [], parts: [clone(part)] }, false).parts[0]);
      return clone(e.report);
    },
    move_part: ({ reportId, partId, index }) => {
      const e = entry(reportId);
      const i = e.report.parts.findIndex((p) => p.id === partId);
      const [p] = e.report.parts.splice(i, 1);
      e.report.parts.splice(index, 0, p);
      touch(e);
      return clone(e.report);
    },
    replace_report: ({ reportId, report }) => {
      const e = entry(reportId);
      e.report = assignIds(clone(report), true);
      touch(e);
      return clone(e.report);
    },
    export_docx: ({ reportId, path }) => {
      const file = path.endsWith('.docx') ? path : `${path}.docx`;
      snapshot(reportId, 'exported', file.split('/').pop(), true);
      return { path: file, warnings: [] };
    },
    // 历史版本: whole copies; the comparison is paragraph-level only (the real one marks characters).
    list_snapshots: ({ reportId }) => snapshots.filter((x) => x.reportId === reportId).map((x) => clone(x.summary)).reverse(),
    take_snapshot: ({ reportId, reason }) => snapshot(reportId, reason, null, false),
    name_version: ({ reportId, label }) => (label.trim() ? snapshot(reportId, 'named', label.trim(), true) : fail('请填写版本名称，例如“送审稿”。')),
    load_snapshot: ({ snapshotId }) => clone(findSnapshot(snapshotId).report),
    compare_snapshot: ({ reportId, snapshotId }) => {
      const older = printed(findSnapshot(snapshotId).report);
      const newer = printed(entry(reportId).report);
      const paragraphs = [
        ...older.filter((t) => !newer.includes(t)).map((text) => ({ kind: 'removed', text })),
        ...newer.map((text) => (older.includes(text) ? { kind: 'same', text } : { kind: 'added', text })),
      ];
      const count = (k) => paragraphs.filter((p) => p.kind === k).length;
      return { paragraphs, added: count('added'), removed: count('removed'), changed: 0 };
    },
    restore_snapshot: ({ reportId, snapshotId }) => {
      const e = entry(reportId);
      const earlier = findSnapshot(snapshotId);
      snapshot(reportId, 'before_restore', null, true);
      e.report = assignIds(clone(earlier.report), true);
      touch(e);
      return clone(e.report);
    },
    // 备份与恢复
    list_backups: () => ({ dir: '/home/clerk/.local/share/nianbao/backups', files: clone(backups) }),
    backup_now: () => {
      const name = `manual-${Date.now()}.db`;
      const file = { path: `/home/clerk/.local/share/nianbao/backups/${name}`, name, kind: 'manual', bytes: 245760, modified_ms: Date.now() };
      backups.unshift(file);
      return clone(file);
    },
    restore_backup: () => '/home/clerk/.local/share/nianbao/backups/before-restore-20240328-141503.db',
    recovery_info: () => ({ damaged: !!config.damaged, db_path: '/home/clerk/.local/share/nianbao/nianbao.db', backups_dir: '/home/clerk/.local/share/nianbao/backups', newest_backup: clone(backups[0] ?? null) }),
    recover_from_backup: () => ({ moved_aside: ['/home/clerk/.local/share/nianbao/nianbao.db.damaged-20240328-141503'], restored_from: backups[0]?.path ?? null }),
    recover_with_blank_database: () => ({ moved_aside: ['/home/clerk/.local/share/nianbao/nianbao.db.damaged-20240328-141503'], restored_from: null }),
    'plugin:dialog|save': ({ options }) => `/home/clerk/文档/${options.defaultPath}`,
    'plugin:dialog|open': () => '/home/clerk/文档/2023年报告.txt',
    'plugin:dialog|message': ({ buttons }) => (buttons && buttons.OkCancelCustom ? buttons.OkCancelCustom[0] : 'Yes'),
    'plugin:window|set_title': ({ value }) => void (document.title = value),
    'plugin:window|destroy': () => void (config.destroyed = true),
    'plugin:event|listen': ({ event, handler }) => {
      listeners.push({ event, handler });
      return handler;
    },
    'plugin:event|unlisten': () => null,
  };

  const callbacks = new Map();
  const listeners = [];
  /** Fires an app event (e.g. 'tauri://close-requested') at the window's listeners. */
  config.emit = async (event, payload = null) => {
    for (const l of listeners.filter((x) => x.event === event)) await callbacks.get(l.handler)?.({ event, id: l.handler, payload });
  };
  window.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } },
    transformCallback(cb) {
      const id = nextId++;
      callbacks.set(id, cb);
      return id;
    },
    unregisterCallback: (id) => callbacks.delete(id),
    async invoke(cmd, args = {}) {
      log.push({ cmd, args: clone(args ?? {}) });
      if (config.latencyMs) await new Promise((r) => setTimeout(r, config.latencyMs));
      const handler = handlers[cmd];
      if (!handler) throw `mock: no command ${cmd}`;
      return handler(args);
    },
  };
  window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: () => {} };

  for (const r of config.reports || []) {
    const id = store(r.report, { status: r.status || 'draft' });
    if (r.updated_at) reports.get(id).updated_at = r.updated_at;
  }
})();
