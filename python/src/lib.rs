//! `indotag._indotag`: the native half of the Python package.
//!
//! Deliberately thin. Records are written by the library's own JSON writer
//! ([`indotag::Document::write_json_line`], the bytes the CLI prints) and turned into Python
//! objects by `json.loads` on the Python side, so a record from Python is the CLI's record by
//! construction rather than by a second serialiser kept in step by hand. Tagging runs with the
//! GIL released, on rayon threads, so other Python threads (and the package's own
//! read-ahead) go on meanwhile.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use rayon::prelude::*;
use serde_json::{Map, Value};

use indotag::document::error_line;
use indotag::{RecordOptions, ZoneKind};

/// Item kinds of `Tagger.tag_batch`, as the Python side tags them.
const TEXT: u8 = 0;
const JSON: u8 = 1;
const FAILED: u8 = 2;

/// A compiled tagger (gazetteers, cue lists) and the record options. Thread-safe: the Python
/// wrapper calls it from a read-ahead thread while the caller's thread parses records.
#[pyclass(frozen, module = "indotag._indotag")]
struct Tagger {
    inner: indotag::Tagger,
    record: RecordOptions,
    /// The pool of the last `jobs` asked for: building one per batch would start threads for
    /// every batch.
    pool: Mutex<Option<(usize, Arc<rayon::ThreadPool>)>>,
}

/// One document of a batch, as extracted under the GIL.
enum Input {
    /// A text; the record gets no id.
    Text(String),
    /// A JSON object with the text and id in fields, the other fields carried through (as
    /// the CLI does with a JSONL line).
    Json(String),
    /// The Python side could not make it into either: an error record with this message.
    Failed(String),
}

/// The names of the JSON fields holding the text and the id.
struct Fields<'a> {
    text: &'a str,
    id: &'a str,
}

#[pymethods]
impl Tagger {
    /// Compiles the gazetteers (with the GIL released: it takes a moment).
    #[new]
    #[pyo3(signature = (gazetteers, default_gazetteers, zones, tokens, text))]
    fn new(
        py: Python<'_>,
        gazetteers: Vec<PathBuf>,
        default_gazetteers: bool,
        zones: Option<Vec<String>>,
        tokens: bool,
        text: bool,
    ) -> PyResult<Self> {
        let mut builder = indotag::Tagger::builder().default_gazetteers(default_gazetteers);
        for g in gazetteers {
            builder = builder.gazetteer_file(g);
        }
        if let Some(zones) = zones {
            let mut kinds = Vec::new();
            for z in &zones {
                kinds.push(ZoneKind::parse(z.trim()).ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "unknown zone {z:?} (expected: title, meta, caption, body, related, boilerplate)"
                    ))
                })?);
            }
            builder = builder.zones(kinds);
        }
        let inner = py
            .detach(|| builder.build())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Tagger {
            inner,
            record: RecordOptions { text, tokens },
            pool: Mutex::new(None),
        })
    }

    /// One text's record line; a text the CLI would refuse (a NUL byte) raises ValueError.
    #[pyo3(signature = (text, id))]
    fn tag_text(&self, py: Python<'_>, mut text: String, id: Option<String>) -> PyResult<String> {
        indotag::decode::check_text(&mut text).map_err(|e| PyValueError::new_err(e.to_string()))?;
        py.detach(|| self.tag_checked(text, id, Map::new()))
            .map_err(PyRuntimeError::new_err)
    }

    /// Record lines for a batch of `(kind, payload)` items, in order; a document that fails
    /// gets an error record `{"error": …}` (as in the CLI) and the others go on.
    ///
    /// `first` numbers the items in error messages, so they say which item of the whole
    /// stream failed.
    #[pyo3(signature = (items, jobs, text_field, id_field, first))]
    fn tag_batch(
        &self,
        py: Python<'_>,
        items: Vec<Bound<'_, PyTuple>>,
        jobs: Option<usize>,
        text_field: &str,
        id_field: &str,
        first: usize,
    ) -> PyResult<Vec<String>> {
        let inputs: Vec<Input> = items
            .iter()
            .enumerate()
            .map(|(i, item)| extract(item, first + i))
            .collect();
        let fields = Fields {
            text: text_field,
            id: id_field,
        };
        let tag = |(i, input): (usize, Input)| self.tag_input(input, first + i, &fields);
        match jobs {
            Some(0) => Err(PyValueError::new_err("jobs must be at least 1")),
            // One job: no pool, no threads, the reference the parallel runs must equal.
            Some(1) => Ok(py.detach(|| inputs.into_iter().enumerate().map(tag).collect())),
            Some(n) => {
                let pool = self.pool(n)?;
                Ok(py.detach(|| {
                    pool.install(|| inputs.into_par_iter().enumerate().map(tag).collect())
                }))
            }
            None => Ok(py.detach(|| inputs.into_par_iter().enumerate().map(tag).collect())),
        }
    }
}

impl Tagger {
    /// A pool of `n` threads, kept for the next batch.
    fn pool(&self, n: usize) -> PyResult<Arc<rayon::ThreadPool>> {
        let mut cached = self
            .pool
            .lock()
            .map_err(|_| PyRuntimeError::new_err("thread pool lock poisoned"))?;
        if let Some((jobs, pool)) = cached.as_ref() {
            if *jobs == n {
                return Ok(Arc::clone(pool));
            }
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map(Arc::new)
            .map_err(|e| PyRuntimeError::new_err(format!("cannot start worker threads: {e}")))?;
        *cached = Some((n, Arc::clone(&pool)));
        Ok(pool)
    }

    /// The record line of one item, or its error record.
    fn tag_input(&self, input: Input, index: usize, fields: &Fields<'_>) -> String {
        let at = format!("item {index}");
        let (id, extra, text) = match input {
            Input::Failed(msg) => return error_line(None, &Map::new(), &format!("{at}: {msg}")),
            Input::Text(text) => (None, Map::new(), Ok(text)),
            Input::Json(json) => match parse_record(&json, fields) {
                Ok(parts) => parts,
                Err(msg) => return error_line(None, &Map::new(), &format!("{at}: {msg}")),
            },
        };
        let checked = text.and_then(|mut t| {
            indotag::decode::check_text(&mut t)
                .map(|()| t)
                .map_err(|e| format!("field `{}`: {e}", fields.text))
        });
        let result = checked.and_then(|t| self.tag_checked(t, id.clone(), extra.clone()));
        result.unwrap_or_else(|msg| error_line(id.as_deref(), &extra, &format!("{at}: {msg}")))
    }

    /// Tags a checked text into its record line. A panic in a stage costs this document only
    /// (as in the CLI): it comes back as the error message.
    fn tag_checked(
        &self,
        text: String,
        id: Option<String>,
        extra: Map<String, Value>,
    ) -> Result<String, String> {
        let tagged = catch_unwind(AssertUnwindSafe(|| self.inner.tag(text)));
        match tagged {
            Ok(mut doc) => {
                doc.id = id;
                doc.extra = extra;
                Ok(doc.to_json_line(self.record))
            }
            Err(panic) => Err(indotag::panic_message(panic.as_ref())),
        }
    }
}

/// The fields of a JSON record as the CLI reads a JSONL line: the id (a string as is, another
/// value as its JSON, null or missing: none), the text (or why not) and the other fields.
type Parts = (Option<String>, Map<String, Value>, Result<String, String>);

fn parse_record(json: &str, fields: &Fields<'_>) -> Result<Parts, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(mut map) = value else {
        return Err("expected a JSON object".into());
    };
    let id = match map.remove(fields.id) {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let text = match map.remove(fields.text) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("field `{}` is not a string", fields.text)),
        None => Err(format!("no field `{}`", fields.text)),
    };
    Ok((id, map, text))
}

/// Takes one `(kind, payload)` item out of Python. A payload that is no valid Unicode (a lone
/// surrogate) becomes that item's error, not the batch's.
fn extract(item: &Bound<'_, PyTuple>, index: usize) -> Input {
    let kind = item.get_item(0).and_then(|k| k.extract::<u8>());
    let payload = item.get_item(1).and_then(|p| p.extract::<String>());
    match (kind, payload) {
        (Ok(TEXT), Ok(text)) => Input::Text(text),
        (Ok(JSON), Ok(json)) => Input::Json(json),
        (Ok(FAILED), Ok(msg)) => Input::Failed(msg),
        (_, Err(e)) => Input::Failed(format!("not a valid text: {e}")),
        _ => Input::Failed(format!("malformed internal item {index}")),
    }
}

/// The native module; the public API is the `indotag` package around it.
#[pymodule]
fn _indotag(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Tagger>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
