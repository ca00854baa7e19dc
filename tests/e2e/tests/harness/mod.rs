//! Starts the real app through tauri-driver on a fresh database and drives its window.

#![allow(dead_code)]

use std::{
    net::TcpListener,
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use fantoccini::{Client, ClientBuilder, Locator, elements::Element};
use serde_json::{Value, json};
use tokio::process::{Child, Command};

/// The stored block an element shows (`data-block-id`: an editor, a preview line), if any.
pub async fn block_id(el: &Element) -> Option<i64> {
    el.attr("data-block-id").await.ok()??.parse().ok()
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// The app binary under test: `NIANBAO_APP` (relative to the workspace root, where `make` runs)
/// or the debug build.
pub fn app_binary() -> PathBuf {
    // Tests run in the test crate's folder; a relative path is meant from the root.
    let path = root().join(
        std::env::var_os("NIANBAO_APP")
            .map(PathBuf::from)
            .unwrap_or_else(|| "target/debug/nianbao-app".into()),
    );
    assert!(
        path.is_file(),
        "build the app first: {} is missing (make test builds it)",
        path.display()
    );
    path
}

fn driver_binary() -> PathBuf {
    let local = root().join(".tools/bin/tauri-driver");
    if local.is_file() {
        local
    } else {
        PathBuf::from("tauri-driver")
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// One running tauri-driver and a database; sessions (app launches) come and go on it.
pub struct Driver {
    child: Child,
    port: u16,
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Driver {
    /// Starts tauri-driver for a new temporary database.
    pub async fn start() -> Driver {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("e2e.db");
        let (port, native) = (free_port(), free_port());
        let child = Command::new(driver_binary())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start tauri-driver (make test installs it into .tools/)");
        let started = Instant::now();
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "tauri-driver did not listen"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Driver {
            child,
            port,
            dir,
            db,
        }
    }

    /// Launches the app (a WebDriver session) with `--db` naming this driver's database,
    /// once the previous window on it has let go: the app refuses a database that another
    /// window still holds, and a closing window may still be flushing on a busy machine.
    pub async fn launch(&self) -> App {
        self.until_released().await;
        self.launch_with(json!({ "application": app_binary(), "args": ["--db", self.db] }))
            .await
    }

    async fn launch_with(&self, options: Value) -> App {
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert("tauri:options".into(), options);
        let started = Instant::now();
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("WebDriver session with the app");
        App { client, started }
    }

    /// Waits until no app holds this driver's database (its lock on `<db>.lock`).
    pub async fn until_released(&self) {
        let mut lock = self.db.as_os_str().to_owned();
        lock.push(".lock");
        for _ in 0..300 {
            let free = std::fs::File::open(&lock).map_or(true, |f| f.try_lock().is_ok());
            if free {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("an app still holds {}", self.db.display());
    }

    /// Stops the driver.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

/// A running app window.
pub struct App {
    pub client: Client,
    pub started: Instant,
}

/// CSS for a test id.
pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

impl App {
    /// Waits (up to 10 s) for an element matching CSS.
    pub async fn wait(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Waits for the element with this test id.
    pub async fn id(&self, id: &str) -> Element {
        self.wait(&tid(id)).await
    }

    /// All elements matching CSS, now.
    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
    }

    /// 导入示例 in an empty library: the welcome's button, since the toolbar's one goes away
    /// once the empty library has loaded.
    pub async fn import_sample_into_empty_library(&self) {
        self.wait(".welcome [data-testid=\"import-sample\"]")
            .await
            .click()
            .await
            .expect("import the sample");
        self.id("report-item").await;
    }

    /// Opens the first report of the library in the editor.
    pub async fn open_first_report(&self) {
        self.id("report-item")
            .await
            .click()
            .await
            .expect("open report");
        self.id("outline").await;
    }

    /// Clicks the element with this test id.
    pub async fn click(&self, id: &str) {
        self.id(id)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {id}: {e}"));
    }

    /// The text of an element, or its value for inputs and text areas.
    pub async fn text_of(&self, el: &Element) -> String {
        let el = serde_json::to_value(el).expect("element ref");
        self.read_text("arguments[0]", el).await
    }

    /// The text of the element with this test id, found and read in one step: a view that
    /// renders the element anew meanwhile (another branch of an `{#if}`) leaves no stale
    /// reference behind.
    pub async fn text_of_id(&self, id: &str) -> String {
        self.id(id).await;
        self.read_text("document.querySelector(arguments[0])", json!(tid(id)))
            .await
    }

    /// Reads the text (or an input's value) of the element `which` finds from `arg`.
    async fn read_text(&self, which: &str, arg: Value) -> String {
        let script = format!(
            "const e = {which}; return ('value' in e && e.tagName !== 'LI') ? e.value : e.innerText;"
        );
        let v = self
            .client
            .execute(&script, vec![arg])
            .await
            .expect("read text");
        v.as_str().unwrap_or_default().to_string()
    }

    /// Polls `f` until it returns Some, for up to `secs` seconds.
    pub async fn until<T, F, Fut>(&self, secs: u64, what: &str, mut f: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Option<T>>,
    {
        let started = Instant::now();
        loop {
            if let Some(v) = f().await {
                return v;
            }
            assert!(
                started.elapsed() < Duration::from_secs(secs),
                "timed out waiting for {what}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits up to `secs` seconds until no element has the test id `id` (a dialog closed).
    pub async fn until_gone(&self, secs: u64, id: &str) {
        let what = format!("no {id} left");
        self.until(secs, &what, || async {
            self.all(&tid(id)).await.is_empty().then_some(())
        })
        .await
    }

    /// Waits until the save status says 已保存.
    pub async fn wait_saved(&self) {
        self.until(10, "已保存", || async {
            let s = self.text_of_id("save-status").await;
            s.contains("已保存").then_some(())
        })
        .await
    }

    /// The outline as lines of text with their levels.
    pub async fn outline(&self) -> Vec<(u8, String)> {
        let v = self
            .client
            .execute(
                "return [...document.querySelectorAll('[data-testid=\"outline-item\"]')]\
                 .map(e => [Number(e.dataset.level), e.innerText.trim()]);",
                vec![],
            )
            .await
            .expect("read outline");
        serde_json::from_value(v).expect("outline shape")
    }

    /// Calls a command the way the window does (for what sits behind a native dialog).
    pub async fn invoke(&self, cmd: &str, args: Value) -> Value {
        self.client
            .execute_async(
                "const [cmd, args, done] = arguments;\
                 window.__TAURI_INTERNALS__.invoke(cmd, args).then(v => done({ ok: v }), e => done({ err: e }));",
                vec![json!(cmd), args],
            )
            .await
            .expect("invoke")
    }

    /// The editor element of a block kind (`preface`, `part`, `heading`, `paragraph`), the
    /// n-th of its kind.
    pub async fn editor(&self, kind: &str, n: usize) -> Element {
        let css = format!("{}[data-kind=\"{kind}\"]", tid("block-editor"));
        self.wait(&css).await;
        self.all(&css)
            .await
            .into_iter()
            .nth(n)
            .unwrap_or_else(|| panic!("no {kind} editor #{n}"))
    }

    /// Answers the native question dialogs (`ask`, `confirm`: a `plugin:dialog|message` with
    /// two buttons), which WebDriver cannot reach: `yes` picks the first button. The requests
    /// are answered in the page; every other command goes through. Lasts until a reload.
    pub async fn answer_dialogs(&self, yes: bool) {
        self.client
            .execute(
                "const [yes] = arguments;\
                 const real = window.__nianbaoRealFetch || window.fetch;\
                 window.__nianbaoRealFetch = real;\
                 const pick = (b) => {\
                   if (b && b.OkCancelCustom) return b.OkCancelCustom[yes ? 0 : 1];\
                   if (b && b.YesNoCancelCustom) return b.YesNoCancelCustom[yes ? 0 : 1];\
                   if (b && b.OkCustom) return b.OkCustom;\
                   if (b === 'YesNo') return yes ? 'Yes' : 'No';\
                   if (b === 'OkCancel') return yes ? 'Ok' : 'Cancel';\
                   return 'Ok';\
                 };\
                 window.fetch = (input, init) => {\
                   const url = typeof input === 'string' ? input : input.url;\
                   const cmd = decodeURIComponent(url.split('/').pop() || '');\
                   if (cmd === 'plugin:dialog|message') {\
                     const args = JSON.parse(init.body);\
                     return Promise.resolve(new Response(JSON.stringify(pick(args.buttons)), {\
                       headers: { 'Tauri-Response': 'ok', 'Content-Type': 'application/json' } }));\
                   }\
                   return real(input, init);\
                 };",
                vec![json!(yes)],
            )
            .await
            .expect("answer dialogs");
    }

    /// Answers the native open dialog (`plugin:dialog|open`) with `path`, the way
    /// [`App::answer_dialogs`] answers questions: in the page, every other command going
    /// through. Lasts until a reload.
    pub async fn answer_open_dialog(&self, path: &Path) {
        self.answer_file_dialog("open", path).await;
    }

    /// Answers the native save dialog (`plugin:dialog|save`) with `path`, likewise.
    pub async fn answer_save_dialog(&self, path: &Path) {
        self.answer_file_dialog("save", path).await;
    }

    /// `kind` is the dialog plugin's command: `open` or `save`. Each kind keeps its own
    /// saved `fetch`, so answering both chains them instead of losing one.
    async fn answer_file_dialog(&self, kind: &str, path: &Path) {
        self.client
            .execute(
                "const [kind, path] = arguments;\
                 const key = '__nianbaoReal' + kind + 'Fetch';\
                 const real = window[key] || window.fetch;\
                 window[key] = real;\
                 window.fetch = (input, init) => {\
                   const url = typeof input === 'string' ? input : input.url;\
                   const cmd = decodeURIComponent(url.split('/').pop() || '');\
                   if (cmd === 'plugin:dialog|' + kind) {\
                     return Promise.resolve(new Response(JSON.stringify(path), {\
                       headers: { 'Tauri-Response': 'ok', 'Content-Type': 'application/json' } }));\
                   }\
                   return real(input, init);\
                 };",
                vec![json!(kind), json!(path)],
            )
            .await
            .unwrap_or_else(|e| panic!("answer the {kind} dialog: {e}"));
    }

    /// Ends the session, which quits the app.
    pub async fn quit(self) {
        let _ = self.client.close().await;
    }
}
