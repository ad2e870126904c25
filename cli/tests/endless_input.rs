//! Endless and oversized input
//! to the two readers of the CLI, `import` (a spec, at most 1 MiB) and
//! `--incidents` (a CSV, at most 4 MiB). Each is fed an endless file
//! (`/dev/zero`), an endless pipe (standard input, `/dev/stdin`), an
//! endless FIFO, a huge sparse file, and files one byte over and exactly
//! at the limit. None may read past its limit and one byte (what the
//! pipes and the FIFO take is counted), and each answers well within a
//! deadline; exit 2 and one line naming the input and the limit.
//! `scripts/fuzz` runs this file too, and prints the lines it writes.
#![cfg(unix)]

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// `nines_core::import::MAX_INPUT_BYTES`.
const SPEC_LIMIT: u64 = 1 << 20;
/// The incident CSV's limit (`logged_incidents`).
const CSV_LIMIT: u64 = 4 << 20;
/// What a pipe or FIFO may hold unread when the reader stops: Linux's
/// largest pipe buffer by default (`/proc/sys/fs/pipe-max-size`, 1 MiB;
/// a pipe starts at 64 KiB).
const PIPE_SLACK: u64 = 1 << 20;
/// The most one case may take. A second is the goal (release builds take
/// milliseconds: see the lines printed); a debug build on a busy machine
/// gets ten. A reader that reads everything never finishes: it is killed
/// here and the case fails.
const DEADLINE: Duration = Duration::from_secs(10);

/// What one run of the binary gave.
struct Answer {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// A directory of this test's own, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("nines-endless-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn spawn(args: &[&str], stdin: Stdio) -> Child {
    Command::new(env!("CARGO_BIN_EXE_nines"))
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the nines binary runs")
}

/// Waits for `child` until the deadline; kills it (by its own id) after.
fn finish(mut child: Child, started: Instant, what: &str) -> Answer {
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(2));
    };
    let took = started.elapsed();
    let mut stdout = String::new();
    let mut stderr = String::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_string(&mut stdout).unwrap();
    }
    if let Some(mut err) = child.stderr.take() {
        err.read_to_string(&mut stderr).unwrap();
    }
    assert!(
        status.is_some(),
        "{what}: still reading after {DEADLINE:?}: the input is read past its limit"
    );
    Answer {
        code: status.and_then(|s| s.code()),
        stdout,
        stderr,
        took,
    }
}

/// Writes `line` to `sink` again and again until the reader goes away;
/// the bytes it took.
fn endless(mut sink: impl Write, line: &'static [u8]) -> u64 {
    let chunk: Vec<u8> = line.iter().copied().cycle().take(64 * 1024).collect();
    let mut written = 0u64;
    // The reader stops after its limit; a broken pipe ends the loop (the
    // test harness ignores SIGPIPE, as every Rust program does).
    while written < 1 << 34 {
        match sink.write(&chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => written += n as u64,
        }
    }
    written
}

/// The refusal of an input over `limit`: exit 2, nothing on stdout, one
/// line naming the input and the limit.
fn refused_as_too_large(a: &Answer, what: &str, names: &str, limit: u64) {
    assert_eq!(a.code, Some(2), "{what}: {}", a.stderr);
    assert!(a.stdout.is_empty(), "{what}: {}", a.stdout);
    assert_eq!(a.stderr.lines().count(), 1, "{what}: {}", a.stderr);
    assert!(
        a.stderr.starts_with(&format!("nines: {names}")),
        "{what}: {}",
        a.stderr
    );
    assert!(
        a.stderr.contains(&format!("more than {limit} bytes")),
        "{what}: {}",
        a.stderr
    );
}

fn report(what: &str, a: &Answer, taken: Option<u64>, limit: u64) {
    match taken {
        Some(bytes) => println!(
            "stream {what}: refused in {} ms; the pipe took {bytes} bytes (limit {limit} + 1, \
             pipe buffer at most {PIPE_SLACK})",
            a.took.as_millis()
        ),
        None => println!("stream {what}: refused in {} ms", a.took.as_millis()),
    }
}

/// The two readers: the arguments naming the input as a path, the same
/// reading standard input, the message's start, the limit, and an
/// endless line of the kind each reads.
struct Reader {
    name: &'static str,
    path_args: fn(&str) -> Vec<String>,
    stdin_args: &'static [&'static str],
    names_path: fn(&str) -> String,
    names_stdin: &'static str,
    limit: u64,
    line: &'static [u8],
}

const READERS: [Reader; 2] = [
    Reader {
        name: "import",
        path_args: |p| vec!["import".into(), p.into()],
        stdin_args: &["import", "-"],
        names_path: |p| format!("{p}: "),
        names_stdin: "standard input: ",
        limit: SPEC_LIMIT,
        line: b"# an SLO spec that never ends\n",
    },
    Reader {
        name: "incidents-csv",
        path_args: |p| {
            vec![
                "incidents".into(),
                "--now".into(),
                "2027-03-10".into(),
                "--incidents".into(),
                p.into(),
            ]
        },
        stdin_args: &[
            "incidents",
            "--now",
            "2027-03-10",
            "--incidents",
            "/dev/stdin",
        ],
        names_path: |p| format!("--incidents {p:?}: "),
        names_stdin: "--incidents \"/dev/stdin\": ",
        limit: CSV_LIMIT,
        line: b"2027-03-01,1m,100%\n",
    },
];

fn args_of(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn an_endless_file_is_refused_at_its_limit() {
    for r in &READERS {
        let what = format!("{} /dev/zero", r.name);
        let args = (r.path_args)("/dev/zero");
        let started = Instant::now();
        let a = finish(spawn(&args_of(&args), Stdio::null()), started, &what);
        refused_as_too_large(&a, &what, &(r.names_path)("/dev/zero"), r.limit);
        report(&what, &a, None, r.limit);
    }
}

#[test]
fn an_endless_pipe_is_read_only_to_its_limit() {
    for r in &READERS {
        let what = format!("{} endless pipe", r.name);
        let started = Instant::now();
        let mut child = spawn(r.stdin_args, Stdio::piped());
        let stdin = child.stdin.take().unwrap();
        let line = r.line;
        let writer = thread::spawn(move || endless(stdin, line));
        let a = finish(child, started, &what);
        let taken = writer.join().unwrap();
        refused_as_too_large(&a, &what, r.names_stdin, r.limit);
        assert!(
            taken <= r.limit + 1 + PIPE_SLACK,
            "{what}: {taken} bytes were taken"
        );
        report(&what, &a, Some(taken), r.limit);
    }
}

#[test]
fn an_endless_fifo_is_read_only_to_its_limit() {
    let scratch = Scratch::new("fifo");
    for r in &READERS {
        let fifo = scratch.path(&format!("{}.fifo", r.name));
        let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success(), "mkfifo {}", fifo.display());
        let what = format!("{} endless FIFO", r.name);
        let path = fifo.to_str().unwrap().to_string();
        let args = (r.path_args)(&path);
        let started = Instant::now();
        let child = spawn(&args_of(&args), Stdio::null());
        let line = r.line;
        let opened = fifo.clone();
        // Opening a FIFO to write waits for its reader, the child.
        let writer = thread::spawn(move || endless(File::create(opened).unwrap(), line));
        let a = finish(child, started, &what);
        // Had the child gone without opening the FIFO, the writer would
        // wait for a reader for ever: be that reader.
        thread::sleep(Duration::from_millis(100));
        if !writer.is_finished() {
            let _ = File::open(&fifo);
        }
        let taken = writer.join().unwrap();
        refused_as_too_large(&a, &what, &(r.names_path)(&path), r.limit);
        assert!(
            taken <= r.limit + 1 + PIPE_SLACK,
            "{what}: {taken} bytes were taken"
        );
        report(&what, &a, Some(taken), r.limit);
    }
}

/// A file far larger than memory, sparse so it costs no disk: read whole,
/// it would take minutes and more memory than there is.
#[test]
fn a_huge_file_is_refused_without_reading_it() {
    let scratch = Scratch::new("huge");
    let huge = scratch.path("huge");
    let file = File::create(&huge).unwrap();
    // A tebibyte where the file system allows it; 64 GiB otherwise.
    let size = [1u64 << 40, 1 << 36]
        .into_iter()
        .find(|&n| file.set_len(n).is_ok())
        .expect("a sparse file");
    drop(file);
    let path = huge.to_str().unwrap().to_string();
    for r in &READERS {
        let what = format!("{} sparse file of {size} bytes", r.name);
        let args = (r.path_args)(&path);
        let started = Instant::now();
        let a = finish(spawn(&args_of(&args), Stdio::null()), started, &what);
        refused_as_too_large(&a, &what, &(r.names_path)(&path), r.limit);
        report(&what, &a, None, r.limit);
    }
}

/// One byte over the limit is refused; exactly the limit is read (and then
/// answered on its content: a spec of comments only, a log of comments).
#[test]
fn the_limit_is_exact() {
    let scratch = Scratch::new("exact");
    for r in &READERS {
        let write = |path: &Path, bytes: u64| {
            // Comment lines of 8 bytes; both limits are multiples of 8.
            let line = b"#234567\n";
            let mut f = File::create(path).unwrap();
            let block: Vec<u8> = line.iter().copied().cycle().take(1 << 16).collect();
            let mut left = bytes;
            while left > 0 {
                let n = left.min(block.len() as u64) as usize;
                f.write_all(&block[..n]).unwrap();
                left -= n as u64;
            }
        };
        let over = scratch.path(&format!("{}.over", r.name));
        write(&over, r.limit + 1);
        let path = over.to_str().unwrap().to_string();
        let what = format!("{} file of {} bytes", r.name, r.limit + 1);
        let started = Instant::now();
        let a = finish(
            spawn(&args_of(&(r.path_args)(&path)), Stdio::null()),
            started,
            &what,
        );
        refused_as_too_large(&a, &what, &(r.names_path)(&path), r.limit);

        let at = scratch.path(&format!("{}.at", r.name));
        write(&at, r.limit);
        let path = at.to_str().unwrap().to_string();
        let what = format!("{} file of {} bytes", r.name, r.limit);
        let started = Instant::now();
        let a = finish(
            spawn(&args_of(&(r.path_args)(&path)), Stdio::null()),
            started,
            &what,
        );
        assert!(
            !a.stderr.contains("more than"),
            "{what}: refused for its size: {}",
            a.stderr
        );
        assert!(a.stderr.lines().count() <= 1, "{what}: {}", a.stderr);
    }
}
