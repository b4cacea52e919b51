//! Record batches handed to pyarrow through the Arrow PyCapsule interface
//! (`__arrow_c_stream__`): pyarrow takes the batches' buffers as they are, with no IPC file
//! encoded, copied into a Python `bytes` and read back.

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::SchemaRef;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::errors::value_error;

/// Generated records as Arrow record batches, read once by pyarrow (`pyarrow.table(stream)`).
#[pyclass(module = "datamimic._native")]
pub(crate) struct ArrowStream {
    batches: Option<(SchemaRef, Vec<RecordBatch>)>,
}

impl ArrowStream {
    /// `batches`, all of `schema`.
    pub(crate) fn new(schema: SchemaRef, batches: Vec<RecordBatch>) -> ArrowStream {
        ArrowStream {
            batches: Some((schema, batches)),
        }
    }
}

#[pymethods]
impl ArrowStream {
    /// The batches as an `ArrowArrayStream` in a capsule named `arrow_array_stream`, as the
    /// PyCapsule interface has it; once, as the batches move to the reader. A
    /// `requested_schema` is not applied: the interface lets a producer keep its own types,
    /// and these are the ones `datamimic generate -f arrow` writes.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &mut self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let (schema, batches) = self
            .batches
            .take()
            .ok_or_else(|| value_error("this Arrow stream was already read"))?;
        let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        // The reader moves the stream out of the capsule and leaves it released, so dropping
        // the capsule's copy then releases nothing twice; a capsule never read releases it.
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
}
