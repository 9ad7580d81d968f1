const Database = require('better-sqlite3');
const names = ['Noa','Tamar','Avi','Yossi','Dana','Moshe','Sara','Eli','Rivka','David','Maya','Omer','Lior','Shira','Yael'];
const last = ['Cohen','Levi','Mizrahi','Peretz','Biton','Dahan','Avraham','Friedman','Azulay','Katz'];
function doc(i){ const n = names[i%15]+' '+last[(i*7)%10]+' '+(i%97); return n+'\n'+n+'\n\n\n'+(972500000000+i*37)+'@s.whatsapp.net\n\n'; }
for (const detail of ['full','none','full','none']) {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(names, content='', contentless_delete=1, tokenize='trigram', detail=${detail})`);
  const ins = db.prepare('INSERT INTO f(rowid, names) VALUES (?, ?)');
  const t0 = process.cpuUsage();
  for (let b=0;b<200;b++) db.transaction(()=>{ for (let i=b*500;i<(b+1)*500;i++) ins.run(i+1, doc(i)); })();
  const c = process.cpuUsage(t0);
  const size = db.prepare("SELECT sum(length(block)) FROM f_data").pluck().get();
  const q = detail==='full' ? '"tamar"' : '"tam" AND "ama" AND "mar"';
  const t1 = performance.now(); let n=0; for (let k=0;k<20;k++) n = db.prepare('SELECT rowid FROM f WHERE f MATCH ? LIMIT 1001').pluck().all(q).length;
  const t2 = performance.now(); 
  console.log(detail, ((c.user+c.system)/100000).toFixed(1),'µs/doc', (size/1e6).toFixed(1),'MB', n, ((t2-t1)/20).toFixed(2),'ms/query');
}
