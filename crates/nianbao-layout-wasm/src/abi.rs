//! The module's interface to JavaScript (`ui/src/lib/preview/engine/wasm.ts`): the window
//! writes a JSON request into memory from [`nb_alloc`], calls [`nb_load`] or [`nb_edit`],
//! and reads the JSON answer of the returned length at [`nb_output`]. Answers are
//! `{"ok": LayoutDelta}`, `{"reload": true}` (an edit the engine cannot place: load afresh)
//! or `{"error": "…"}`. Revisions cross as numbers; a negative `base` means none.

use std::cell::RefCell;

use nianbao_layout::LayoutDelta;
use nianbao_report::TextEdit;
use serde::Serialize;

use crate::engine::{Engine, Loaded};

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::default();
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Answer {
    Ok(LayoutDelta),
    Reload(bool),
    Error(String),
}

/// Room for a request of `len` bytes; the call it is passed to frees it.
#[unsafe(no_mangle)]
pub extern "C" fn nb_alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()).cast()
}

/// Where the last answer is (valid until the next call).
#[unsafe(no_mangle)]
pub extern "C" fn nb_output() -> *const u8 {
    OUTPUT.with_borrow(|out| out.as_ptr())
}

/// Takes the report afresh: the request is a `Loaded` (`{report, edits}`). Returns the
/// answer's length.
///
/// # Safety
/// `ptr` and `len` come from one [`nb_alloc`] not yet passed to a call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nb_load(ptr: *mut u8, len: usize, base: f64) -> usize {
    // SAFETY: the caller passes a buffer from `nb_alloc` once.
    let request = unsafe { take(ptr, len) };
    answer(match serde_json::from_slice::<Loaded>(&request) {
        Ok(loaded) => ENGINE.with_borrow_mut(|e| Answer::Ok(e.load(loaded, revision(base)))),
        Err(e) => Answer::Error(format!("not a report: {e}")),
    })
}

/// One block's text changed: the request is a `TextEdit`. Returns the answer's length.
///
/// # Safety
/// `ptr` and `len` come from one [`nb_alloc`] not yet passed to a call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn nb_edit(ptr: *mut u8, len: usize, base: f64) -> usize {
    // SAFETY: the caller passes a buffer from `nb_alloc` once.
    let request = unsafe { take(ptr, len) };
    answer(match serde_json::from_slice::<TextEdit>(&request) {
        Ok(edit) => match ENGINE.with_borrow_mut(|e| e.edit(&edit, revision(base))) {
            Some(delta) => Answer::Ok(delta),
            None => Answer::Reload(true),
        },
        Err(e) => Answer::Error(format!("not a text edit: {e}")),
    })
}

/// # Safety
/// As for [`nb_load`].
unsafe fn take(ptr: *mut u8, len: usize) -> Box<[u8]> {
    // SAFETY: `nb_alloc` made this boxed slice of exactly `len` bytes.
    unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)) }
}

fn revision(base: f64) -> Option<u64> {
    (base >= 0.0).then_some(base as u64)
}

fn answer(answer: Answer) -> usize {
    let json = serde_json::to_vec(&answer)
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}").into_bytes());
    OUTPUT.with_borrow_mut(|out| {
        *out = json;
        out.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// A call as the window makes it: the request copied into the module's memory, the
    /// answer read back.
    fn call(
        f: unsafe extern "C" fn(*mut u8, usize, f64) -> usize,
        request: &[u8],
        base: f64,
    ) -> Value {
        let ptr = nb_alloc(request.len());
        // SAFETY: `ptr` has room for `request.len()` bytes; it goes to one call.
        let len = unsafe {
            std::ptr::copy_nonoverlapping(request.as_ptr(), ptr, request.len());
            f(ptr, request.len(), base)
        };
        // SAFETY: the answer of `len` bytes is at `nb_output` until the next call.
        let bytes = unsafe { std::slice::from_raw_parts(nb_output(), len) };
        serde_json::from_slice(bytes).expect("JSON")
    }

    #[test]
    fn load_then_edit_through_memory() {
        let mut report = nianbao_report::synthetic::report(2);
        report.preface[0].id = Some(7);
        let request = serde_json::to_vec(&json!({ "report": report })).unwrap();
        let loaded = call(nb_load, &request, -1.0);
        let revision = loaded["ok"]["revision"].as_f64().expect("a revision");
        assert!(loaded["ok"]["base"].is_null());
        assert!(loaded["ok"]["page_count"].as_u64().unwrap() >= 2);

        let edit = json!({ "block_id": 7, "text": "改过的第一段。" });
        let edited = call(nb_edit, &serde_json::to_vec(&edit).unwrap(), revision);
        assert_eq!(edited["ok"]["base"].as_f64(), Some(revision));
        let first = &edited["ok"]["pages"][0];
        assert!(first.to_string().contains("改过的第一段。"), "{first}");

        let unknown = json!({ "block_id": 8, "text": "无处可放" });
        let answer = call(nb_edit, &serde_json::to_vec(&unknown).unwrap(), revision);
        assert_eq!(answer, json!({ "reload": true }));
    }

    #[test]
    fn a_bad_request_is_an_error_answer() {
        let error = |answer: Value| answer["error"].as_str().unwrap_or_default().to_owned();
        let not_a_report = error(call(nb_load, b"{\"report\": 3}", -1.0));
        assert!(not_a_report.starts_with("not a report"), "{not_a_report}");
        let not_an_edit = error(call(nb_edit, b"\xff", -1.0));
        assert!(not_an_edit.starts_with("not a text edit"), "{not_an_edit}");
    }
}
