"""Exports of the event store: event records (JSON Lines, CSV, Parquet), PLOVER JSON, and
Phoenix/ICEWS-style and GDELT 2.0-style tables of de-duplicated events (one row per cluster).

Column and field names are the ones each format's users know; docs/store.md lists them.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import TidingsError
from .model import penta_class
from .query import EventQuery
from .store import Store

FORMATS = ("jsonl", "csv", "parquet", "plover", "phoenix", "gdelt", "agreements")
QUAD_CODES = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3,
              "material_conflict": 4}
CSV_COLUMNS = (
    "event_id", "article_id", "sentence", "event_type", "mode", "context", "cameo", "quad_class",
    "goldstein", "status", "actor", "actor_code", "actor_country", "actor_id", "recipient",
    "recipient_code", "recipient_country", "recipient_id", "date", "date_text", "location",
    "location_country", "lat", "lon", "quantities", "trigger", "trigger_start", "trigger_end",
    "text", "confidence", "coder", "cluster_id", "url", "source")
PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity",
    "SourceActorRole", "SourceActorAttribute", "TargetActorFull", "TargetActorEntity",
    "TargetActorRole", "TargetActorAttribute", "EventCode", "EventRootCode", "PentaClass",
    "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources")
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED",
    "SOURCEURL")
GEO_TYPES = {"country": 1, "admin1": 5, "city": 4, "site": 4, "region": 5}


class ExportError(TidingsError):
    code = "T620"
    fix = f"Choose --format from: {', '.join(FORMATS)}."


def export(store: Store, fmt: str, path: str | Path, query: EventQuery | None = None) -> int:
    """Write the store (or the events matching ``query``) to ``path``; return the rows written."""
    writers: dict[str, Callable[[Store, Path, EventQuery | None], int]] = {
        "jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet, "plover": write_plover,
        "phoenix": write_phoenix, "gdelt": write_gdelt, "agreements": write_agreements}
    if fmt not in writers:
        raise ExportError(f"unknown export format {fmt!r}")
    return writers[fmt](store, Path(path), query)


def records(store: Store, query: EventQuery | None) -> Iterator[tuple[dict, dict]]:
    """(event record, row with cluster and article fields) pairs, streamed."""
    for row in store.iter_events(query):
        yield json.loads(row["record"]), row


# ---- event records --------------------------------------------------------------------------

def write_jsonl(store: Store, path: Path, query: EventQuery | None) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record, row in records(store, query):
            out.write(json.dumps({**record, "cluster_id": row["cluster_id"]}, ensure_ascii=False))
            out.write("\n")
            count += 1
    return count


def joined(mentions: list[dict], key: str) -> str:
    return ";".join(str(m.get(key) or "") for m in mentions)


def flat_row(record: dict, row: dict) -> dict:
    """One CSV row: lists of actors become ';'-joined cells, quantities stay JSON."""
    loc = record.get("location") or {}
    out = {k: record.get(k) for k in CSV_COLUMNS if k in record and k not in
           ("actor", "recipient", "context", "quantities", "trigger")}
    for role in ("actor", "recipient"):
        out[role] = joined(record[role], "name")
        for key in ("code", "country", "id"):
            out[f"{role}_{key}"] = joined(record[role], key)
    out.update(context=";".join(record["context"]), location=loc.get("name"),
               location_country=loc.get("country"), lat=loc.get("lat"), lon=loc.get("lon"),
               quantities=json.dumps(record["quantities"], ensure_ascii=False),
               trigger=record["trigger"]["text"], trigger_start=record["trigger"]["start"],
               trigger_end=record["trigger"]["end"], cluster_id=row["cluster_id"],
               url=row["url"], source=row["source"])
    return out


def write_csv(store: Store, path: Path, query: EventQuery | None) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for record, row in records(store, query):
            writer.writerow(flat_row(record, row))
            count += 1
    return count


def parquet_schema():
    import pyarrow as pa

    actor = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                       ("name", pa.string()), ("country", pa.string()), ("sector", pa.string()),
                       ("code", pa.string()), ("id", pa.string())])
    place = pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
                       ("lat", pa.float64()), ("lon", pa.float64()), ("precision", pa.string())])
    quantity = pa.struct([("value", pa.float64()), ("approx", pa.bool_()), ("text", pa.string()),
                          ("what", pa.string()), ("role", pa.string()), ("max", pa.float64())])
    trigger = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
    return pa.schema([
        ("event_id", pa.string()), ("article_id", pa.string()), ("sentence", pa.int64()),
        ("event_type", pa.string()), ("mode", pa.string()), ("context", pa.list_(pa.string())),
        ("cameo", pa.string()), ("quad_class", pa.string()), ("goldstein", pa.float64()),
        ("status", pa.string()), ("actor", pa.list_(actor)), ("recipient", pa.list_(actor)),
        ("date", pa.string()), ("date_text", pa.string()), ("location", place),
        ("quantities", pa.list_(quantity)), ("trigger", trigger), ("text", pa.string()),
        ("confidence", pa.float64()), ("coder", pa.string()), ("cluster_id", pa.string())])


def write_parquet(store: Store, path: Path, query: EventQuery | None, size: int = 10_000) -> int:
    """Event records with their nested actors, place, quantities and trigger as Parquet structs."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, count, batch = parquet_schema(), 0, []
    with pq.ParquetWriter(path, schema) as writer:
        for record, row in records(store, query):
            batch.append({**record, "cluster_id": row["cluster_id"]})
            if len(batch) >= size:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count + len(batch)


# ---- PLOVER JSON ----------------------------------------------------------------------------

def plover_actor(mention: dict) -> dict:
    return {"code": mention.get("country"), "sector": mention.get("sector"),
            "actor_text": mention.get("text"), "identifier_id": mention.get("id"),
            "identifier_text": mention.get("name")}


def plover_record(record: dict, row: dict) -> dict:
    """An event in the PLOVER manual's JSON field names (one object per line)."""
    loc = record.get("location")
    return {
        "id": record["event_id"], "has_event": True, "date": record["date"] or row["published"],
        "source": [plover_actor(m) for m in record["actor"]],
        "recipient": [plover_actor(m) for m in record["recipient"]],
        "event": [record["event_type"]], "mode": [record["mode"]] if record["mode"] else [],
        "context": list(record["context"]),
        "event_loc": {"name": loc["name"], "latitude": loc["lat"], "longitude": loc["lon"],
                      "cc3": loc["country"], "feature_class": loc["precision"]} if loc else None,
        "event_text": [record["trigger"]["text"]], "quad_code": QUAD_CODES[record["quad_class"]],
        "event_scale": record["goldstein"], "link": row["cluster_id"], "text": record["text"],
        "text_info": {"sequence": record["sentence"], "start": row["sentence_start"],
                      "end": row["sentence_end"]},
        "cite_info": {"url": row["url"], "title": row["title"], "publication": row["source"],
                      "coder": record["coder"], "citation": record["article_id"]},
        "coder": record["coder"], "status": record["status"], "cameo": record["cameo"],
        "quantities": record["quantities"], "confidence": record["confidence"]}


def write_plover(store: Store, path: Path, query: EventQuery | None) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record, row in records(store, query):
            out.write(json.dumps(plover_record(record, row), ensure_ascii=False) + "\n")
            count += 1
    return count


# ---- Phoenix / ICEWS and GDELT tables (one row per real-world event) ------------------------

def first(mentions: list[dict]) -> dict:
    return mentions[0] if mentions else {}


def event_day(row: dict) -> str:
    day = row["day_lo"] or row["first_seen"]
    return day.isoformat() if day else ""


def phoenix_row(row: dict) -> list:
    record = json.loads(row["record"])
    src, tgt, loc = first(record["actor"]), first(record["recipient"]), record["location"] or {}
    day = event_day(row)
    cameo = record["cameo"] or ""
    return [row["cluster_id"], day.replace("-", ""), day[:4], day[5:7], day[8:10],
            src.get("code") or "", src.get("country") or "", src.get("sector") or "", "",
            tgt.get("code") or "", tgt.get("country") or "", tgt.get("sector") or "", "",
            cameo, cameo[:2], penta_class(cameo), record["goldstein"], "",
            loc.get("lat", ""), loc.get("lon", ""), loc.get("name", ""), "",
            loc.get("country", ""), f"{record['article_id']}-{record['sentence']}",
            row["urls"] or "", row["sources"] or ""]


def write_table(path: Path, header: tuple, rows: Iterator[list]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow("" if v is None else v for v in row)
            count += 1
    return count


def write_phoenix(store: Store, path: Path, query: EventQuery | None) -> int:
    return write_table(path, PHOENIX_COLUMNS, (phoenix_row(r) for r in store.iter_clusters(query)))


def gdelt_id(cluster_id: str) -> int:
    return int(cluster_id[2:12], 16)


def gdelt_row(row: dict) -> list:
    record = json.loads(row["record"])
    a1, a2, loc = first(record["actor"]), first(record["recipient"]), record["location"] or {}
    day = event_day(row)
    cameo = record["cameo"] or ""
    ymd = day.replace("-", "")
    fraction = round(int(day[:4]) + (int(day[5:7]) - 1) / 12 + int(day[8:10]) / 365, 4) if day else ""
    return [gdelt_id(row["cluster_id"]), ymd, ymd[:6], day[:4], fraction,
            a1.get("code") or "", (a1.get("name") or "").upper(), a1.get("country") or "",
            a1.get("sector") or "", a2.get("code") or "", (a2.get("name") or "").upper(),
            a2.get("country") or "", a2.get("sector") or "", 1, cameo, cameo[:3], cameo[:2],
            QUAD_CODES[record["quad_class"]], record["goldstein"], row["num_events"],
            row["num_sources"], row["num_articles"], GEO_TYPES.get(loc.get("precision"), 0),
            loc.get("name", ""), loc.get("country", ""), loc.get("lat", ""), loc.get("lon", ""),
            (row["first_seen"].strftime("%Y%m%d") + "000000") if row["first_seen"] else "",
            (row["urls"] or "").split(";")[0]]


def write_gdelt(store: Store, path: Path, query: EventQuery | None) -> int:
    return write_table(path, GDELT_COLUMNS, (gdelt_row(r) for r in store.iter_clusters(query)))


# ---- agreements (docs/agreements.md) --------------------------------------------------------

def write_agreements(store: Store, path: Path, query: EventQuery | None) -> int:
    """One agreement record per line, merged across articles."""
    found = store.agreements()
    with path.open("w", encoding="utf-8") as out:
        for agreement in found:
            out.write(json.dumps(agreement.to_dict(), ensure_ascii=False) + "\n")
    return len(found)
