//! `--format parquet` and `--format arrow`: typed columns that read back as the JSON output's
//! values for every entity, the same bytes for every thread count and page size, and shards
//! whose rows are the whole run's.

use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use chrono::{DateTime, NaiveDate, SecondsFormat};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Value};

use crate::{Scratch, datamimic, fails, ok};

/// The batches of a Parquet file and its number of row groups.
fn read_parquet(path: &Path) -> (Vec<RecordBatch>, usize) {
    let file = std::fs::File::open(path).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let groups = builder.metadata().num_row_groups();
    let batches = builder.build().unwrap().map(Result::unwrap).collect();
    (batches, groups)
}

/// The batches of an Arrow IPC file.
fn read_arrow(path: &Path) -> Vec<RecordBatch> {
    let file = std::fs::File::open(path).unwrap();
    let reader = arrow_ipc::reader::FileReader::try_new(file, None).unwrap();
    reader.map(Result::unwrap).collect()
}

/// Value `row` of `array` as the JSON output writes it: dates as `YYYY-MM-DD`, times in
/// RFC 3339 with `Z` and the fraction digits they need.
fn json(array: &dyn Array, row: usize) -> Value {
    if array.is_null(row) {
        return Value::Null;
    }
    macro_rules! number {
        ($ty:ty) => {
            Value::from(array.as_primitive::<$ty>().value(row))
        };
    }
    match array.data_type() {
        // A column no sampled record has a value in (only a type without declared columns).
        DataType::Null => Value::Null,
        DataType::Boolean => Value::Bool(array.as_boolean().value(row)),
        DataType::Int8 => number!(Int8Type),
        DataType::Int16 => number!(Int16Type),
        DataType::Int32 => number!(Int32Type),
        DataType::Int64 => number!(Int64Type),
        DataType::UInt8 => number!(UInt8Type),
        DataType::UInt16 => number!(UInt16Type),
        DataType::UInt32 => number!(UInt32Type),
        DataType::UInt64 => number!(UInt64Type),
        DataType::Float64 => number!(Float64Type),
        // JSON writes an f32's shortest digits, which Rust's `Display` writes too.
        DataType::Float32 => {
            let v = array.as_primitive::<Float32Type>().value(row);
            Value::from(v.to_string().parse::<f64>().unwrap())
        }
        DataType::Utf8 => Value::from(array.as_string::<i32>().value(row)),
        DataType::Date32 => {
            let days = array.as_primitive::<Date32Type>().value(row);
            let date = NaiveDate::from_epoch_days(days).unwrap();
            Value::from(date.to_string())
        }
        DataType::Timestamp(TimeUnit::Microsecond, Some(tz)) if tz.as_ref() == "UTC" => {
            let micros = array.as_primitive::<TimestampMicrosecondType>().value(row);
            let time = DateTime::from_timestamp_micros(micros).unwrap();
            Value::from(time.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        }
        DataType::List(_) => {
            let items = array.as_list::<i32>().value(row);
            Value::Array((0..items.len()).map(|i| json(&items, i)).collect())
        }
        DataType::Struct(fields) => {
            let s = array.as_struct();
            let object: Map<String, Value> = fields
                .iter()
                .zip(s.columns())
                .map(|(f, column)| (f.name().clone(), json(column, row)))
                .collect();
            Value::Object(object)
        }
        other => panic!("a column of unexpected type {other}"),
    }
}

/// Every row of `batches` as a JSON object.
fn rows(batches: &[RecordBatch]) -> Vec<Value> {
    let mut out = Vec::new();
    for batch in batches {
        let s = arrow_array::StructArray::from(batch.clone());
        out.extend((0..batch.num_rows()).map(|row| json(&s, row)));
    }
    out
}

fn ndjson(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn every_entity_reads_back_as_its_json_values() {
    let s = Scratch::new("columnar-entities");
    let listed = ok(&s.0, &["list", "entities"]);
    let names: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert!(names.len() >= 30, "{names:?}");
    for (i, name) in names.into_iter().enumerate() {
        // Half the entities in each of two datasets: a column may be all null in one.
        let dataset = ["US", "DE"][i % 2];
        let run = |format: &str, file: &str| {
            let args = [
                "generate",
                name,
                "-n",
                "300",
                "--seed",
                "9",
                "--dataset",
                dataset,
                "-f",
                format,
                "-o",
                file,
            ];
            let out = datamimic(&s.0, &args);
            assert!(
                out.status.success(),
                "{name} {dataset} {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        };
        run("ndjson", "e.ndjson");
        run("parquet", "e.parquet");
        run("arrow", "e.arrow");
        let expected = ndjson(&std::fs::read_to_string(s.path("e.ndjson")).unwrap());
        assert_eq!(expected.len(), 300, "{name} {dataset}");
        let (parquet, _) = read_parquet(&s.path("e.parquet"));
        assert!(
            rows(&parquet) == expected,
            "{name} {dataset}: the Parquet rows are the JSON records"
        );
        let arrow = read_arrow(&s.path("e.arrow"));
        assert!(
            rows(&arrow) == expected,
            "{name} {dataset}: the Arrow rows are the JSON records"
        );
    }
}

#[test]
fn columns_are_typed_from_the_entity() {
    let s = Scratch::new("columnar-types");
    ok(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "5",
            "--seed",
            "1",
            "-o",
            "p.parquet",
        ],
    );
    let (batches, _) = read_parquet(&s.path("p.parquet"));
    let schema = batches[0].schema();
    let type_of = |name: &str| schema.field_with_name(name).unwrap().data_type().clone();
    assert_eq!(type_of("birthdate"), DataType::Date32);
    assert_eq!(type_of("age"), DataType::UInt8);
    assert_eq!(type_of("given_name"), DataType::Utf8);
    let DataType::Struct(address) = type_of("address") else {
        panic!("the address is a struct column");
    };
    assert!(address.find("street").is_some(), "{address:?}");

    // A patient's conditions are a list; an encounter's discharge a UTC time, and `None`
    // where the patient is still in hospital.
    ok(
        &s.0,
        &[
            "generate", "Patient", "-n", "5", "--seed", "1", "-o", "p.arrow",
        ],
    );
    let schema = read_arrow(&s.path("p.arrow"))[0].schema();
    assert!(matches!(
        schema.field_with_name("conditions").unwrap().data_type(),
        DataType::List(_)
    ));
    ok(
        &s.0,
        &[
            "generate",
            "Encounter",
            "-n",
            "5",
            "--seed",
            "1",
            "-o",
            "e.parquet",
        ],
    );
    let (batches, _) = read_parquet(&s.path("e.parquet"));
    assert_eq!(
        batches[0]
            .schema()
            .field_with_name("discharge")
            .unwrap()
            .data_type(),
        &DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))
    );
}

#[test]
fn the_bytes_are_the_same_for_every_thread_count_and_page_size() {
    let s = Scratch::new("columnar-threads");
    // Past one row group of 65,536 records.
    for format in ["parquet", "arrow"] {
        let mut files = Vec::new();
        for (threads, page) in [("1", "10000"), ("2", "777"), ("3", "65536")] {
            let file = format!("p{threads}.{format}");
            let args = [
                "generate",
                "Person",
                "-n",
                "70000",
                "--seed",
                "4",
                "--threads",
                threads,
                "--page-size",
                page,
                "-o",
                &file,
            ];
            ok(&s.0, &args);
            files.push(std::fs::read(s.path(&file)).unwrap());
        }
        assert!(files.windows(2).all(|w| w[0] == w[1]), "{format}");
    }
    let (batches, groups) = read_parquet(&s.path("p1.parquet"));
    assert_eq!(groups, 2, "a row group per 65,536 records");
    assert_eq!(
        batches.iter().map(RecordBatch::num_rows).sum::<usize>(),
        70_000
    );
    let arrow = read_arrow(&s.path("p1.arrow"));
    assert_eq!(
        arrow.iter().map(RecordBatch::num_rows).collect::<Vec<_>>(),
        [65_536, 4_464]
    );
}

#[test]
fn parquet_shards_hold_the_rows_of_the_whole_run() {
    let s = Scratch::new("columnar-shards");
    let base = ["generate", "BankAccount", "-n", "1003", "--seed", "21"];
    let run = |file: &str, extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(&["-o", file]);
        args.extend_from_slice(extra);
        ok(&s.0, &args);
        rows(&read_parquet(&s.path(file)).0)
    };
    let whole = run("whole.parquet", &[]);
    let mut joined = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let rows = run(
            &format!("s{k}.parquet"),
            &["--shard", &shard, "--threads", "2"],
        );
        assert!(!rows.is_empty());
        joined.extend(rows);
    }
    assert_eq!(joined.len(), 1003);
    assert!(
        joined == whole,
        "the shards' rows in order are the whole run's"
    );
}

#[test]
fn an_empty_run_writes_the_schema_and_related_sets_are_refused() {
    let s = Scratch::new("columnar-edges");
    ok(
        &s.0,
        &[
            "generate",
            "Person",
            "-n",
            "0",
            "--seed",
            "1",
            "-o",
            "none.parquet",
        ],
    );
    let file = std::fs::File::open(s.path("none.parquet")).unwrap();
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    assert_eq!(builder.metadata().file_metadata().num_rows(), 0);
    assert_eq!(
        builder
            .schema()
            .field_with_name("birthdate")
            .unwrap()
            .data_type(),
        &DataType::Date32
    );

    std::fs::create_dir(s.path("out")).unwrap();
    let err = fails(
        &s.0,
        &[
            "generate",
            "BankAccount",
            "-n",
            "3",
            "--with",
            "Transaction=1",
            "-f",
            "parquet",
            "-o",
            "out",
        ],
    );
    assert!(err.contains("`--with` cannot write parquet yet"), "{err}");
    assert!(s.files("out").is_empty());
}
