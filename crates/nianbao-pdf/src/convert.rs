//! One headless LibreOffice conversion: its own profile (so it runs beside the drafter's open
//! LibreOffice and never touches their settings), its own temporary folder, a time limit.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::{PdfError, fonts, place};

/// How long a conversion may take. A fresh profile and a long report take a few seconds on a
/// slow office PC; a minute more means LibreOffice is stuck.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(90);

/// A LibreOffice program that can convert .docx files to PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibreOffice {
    program: PathBuf,
    timeout: Duration,
}

impl LibreOffice {
    /// The program at `program` with the [`DEFAULT_TIMEOUT`].
    pub fn at(program: impl Into<PathBuf>) -> Self {
        LibreOffice {
            program: program.into(),
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// The same program with another time limit.
    pub fn with_timeout(self, timeout: Duration) -> Self {
        LibreOffice { timeout, ..self }
    }

    /// The program that runs.
    pub fn program(&self) -> &Path {
        &self.program
    }

    /// Converts the .docx `docx` to a PDF at `out` (written to a temporary file beside it, then
    /// renamed: `out` is either untouched or the whole PDF).
    pub fn docx_to_pdf(&self, docx: &[u8], out: &Path) -> Result<(), PdfError> {
        let work = tempfile::Builder::new()
            .prefix("nianbao-pdf-")
            .tempdir()
            .map_err(|e| io(std::env::temp_dir(), e))?;
        let input = work.path().join("report.docx");
        let outdir = work.path().join("out");
        std::fs::write(&input, docx).map_err(|e| io(&input, e))?;
        std::fs::create_dir(&outdir).map_err(|e| io(&outdir, e))?;
        let started = Instant::now();
        self.run(work.path(), &input, &outdir)?;
        let pdf = outdir.join("report.pdf");
        let bytes = std::fs::read(&pdf).map_err(|_| PdfError::ConversionFailed {
            reason: format!("no PDF was written; {}", printed(work.path())),
        })?;
        tracing::info!(
            "LibreOffice converted {} KB of .docx in {} ms",
            docx.len() / 1024,
            started.elapsed().as_millis()
        );
        place::atomically(out, &bytes)
    }

    fn run(&self, work: &Path, input: &Path, outdir: &Path) -> Result<(), PdfError> {
        let profile = url::Url::from_directory_path(work.join("profile")).map_err(|()| {
            io(
                work,
                std::io::Error::other("the profile path is not absolute"),
            )
        })?;
        // Output goes to files: a pipe nobody reads while we wait could fill and stall soffice.
        let log = |name: &str| File::create(work.join(name)).map_err(|e| io(work.join(name), e));
        let mut command = Command::new(&self.program);
        command
            .arg(format!("-env:UserInstallation={profile}"))
            .args([
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nolockcheck",
            ])
            .args(["--convert-to", "pdf:writer_pdf_Export", "--outdir"])
            .arg(outdir)
            .arg(input)
            .current_dir(work)
            .stdin(Stdio::null())
            .stdout(log("stdout.txt")?)
            .stderr(log("stderr.txt")?);
        if let Some(config) = fonts::config(work).map_err(|e| io(work, e))? {
            command.env("FONTCONFIG_FILE", config);
        }
        own_process_group(&mut command);
        let mut child = command.spawn().map_err(|e| PdfError::ConversionFailed {
            reason: format!("cannot start {}: {e}", self.program.display()),
        })?;
        let status = wait(&mut child, self.timeout).map_err(|e| io(&self.program, e))?;
        match status {
            Some(s) if s.success() => Ok(()),
            Some(s) => Err(PdfError::ConversionFailed {
                reason: format!(
                    "{} exited with {s}; {}",
                    self.program.display(),
                    printed(work)
                ),
            }),
            None => Err(PdfError::Timeout {
                after: self.timeout,
            }),
        }
    }
}

/// Waits for `child` at most `timeout`; on time-out stops it with everything it started and
/// returns `None`.
fn wait(child: &mut Child, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            stop(child);
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// soffice is a launcher that starts `soffice.bin`: the whole process group goes, or the
/// worker would live on holding the profile.
#[cfg(unix)]
fn own_process_group(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    command.process_group(0);
}

#[cfg(not(unix))]
fn own_process_group(_: &mut Command) {}

fn stop(child: &mut Child) {
    #[cfg(unix)]
    if let Ok(pid) = libc::pid_t::try_from(child.id()) {
        // SAFETY: kill(2) with a negative pid signals the process group the child leads (set
        // up by `process_group(0)` above); it touches no memory of ours.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The last lines LibreOffice printed, for the error's detail.
fn printed(work: &Path) -> String {
    let text: String = ["stdout.txt", "stderr.txt"]
        .iter()
        .filter_map(|n| std::fs::read_to_string(work.join(n)).ok())
        .collect::<Vec<_>>()
        .join("\n");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    match lines.len() {
        0 => "it printed nothing".into(),
        n => format!("it printed: {}", lines[n.saturating_sub(3)..].join(" / ")),
    }
}

fn io(path: impl Into<PathBuf>, source: std::io::Error) -> PdfError {
    PdfError::Io {
        path: path.into(),
        source,
    }
}
