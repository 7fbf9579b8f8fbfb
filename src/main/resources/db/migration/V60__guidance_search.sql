-- Search passages of the published guides. The Lucene index is rebuilt in memory from these rows at
-- start-up; the vectors are kept here with the hash of the text they were computed from, so text that
-- has not changed is never sent to the embedding model again.
create table guidance_search_item (
    item_code  text primary key,
    version    int not null,
    indexed_at timestamptz not null default now()
);

create table guidance_search_document (
    id             bigint generated always as identity primary key,
    item_code      text not null references guidance_search_item (item_code) on delete cascade,
    position       int not null,
    item_name      text not null,
    item_type      text not null,
    situation_code text,
    situation_name text,
    kind           text not null check (kind in ('ITEM', 'SITUATION', 'MATERIAL', 'FAQ')),
    body           text not null,
    keywords       text[] not null default '{}',
    text_hash      bytea not null,
    -- 512 little-endian float32 (bge-small-zh, normalised); null until embedded
    embedding      bytea
);

create index guidance_search_document_item on guidance_search_document (item_code, position);
create index guidance_search_document_unembedded on guidance_search_document (id) where embedding is null;
