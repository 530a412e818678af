#include "app/autosave_store.h"

#include <nlohmann/json.hpp>

#include "platform/platform.h"

namespace lcs {
namespace {

// The pre-journal record has no name or customer count; the index shows both, so read them from
// the workspace JSON (once, at the first start of this version of the app).
void describe_legacy(AutosaveRecord& record) {
    auto json = nlohmann::json::parse(record.workspace_json, nullptr, false);
    if (!json.is_object()) return;
    auto meta = json.find("workspace");
    if (meta != json.end() && meta->is_object() && meta->contains("name") && (*meta)["name"].is_string())
        record.version.workspace_name = (*meta)["name"].get<std::string>();
    auto customers = json.find("customers");
    if (customers != json.end() && customers->is_array()) record.version.customers = customers->size();
}

}  // namespace

void AutosaveStore::load(std::function<void()> on_ready) {
    const std::vector<std::string> keys = AutosaveJournal::index_keys();
    platform::storage_get(keys[0], [this, keys, on_ready](std::optional<std::string> first) {
        platform::storage_get(keys[1], [this, first, on_ready](std::optional<std::string> second) {
            journal_ = AutosaveJournal::newest_of(first, second);
            if (!journal_.empty()) {
                loaded_ = true;
                on_ready();
                return;
            }
            platform::storage_get(kLegacyAutosaveKey, [this, on_ready](std::optional<std::string> legacy) {
                migrate_legacy(legacy, on_ready);
            });
        });
    });
}

// The old single autosave becomes version 1; the old key is deleted only once the journal lists it.
void AutosaveStore::migrate_legacy(const std::optional<std::string>& text, std::function<void()> on_ready) {
    std::optional<AutosaveRecord> record = text ? parse_autosave_record(*text) : std::nullopt;
    if (!record) {
        loaded_ = true;
        on_ready();
        return;
    }
    describe_legacy(*record);
    write_now(*record, [this, record, on_ready](bool ok) {
        if (ok) platform::storage_remove(kLegacyAutosaveKey);
        else unmoved_legacy_ = record;
        loaded_ = true;
        on_ready();
    });
}

void AutosaveStore::write(AutosaveRecord record) {
    if (busy_) {
        waiting_ = std::move(record);
        return;
    }
    write_now(std::move(record), {});
}

void AutosaveStore::write_now(AutosaveRecord record, std::function<void(bool)> done) {
    busy_ = true;
    record.version.id = journal_.next_id();
    AutosaveJournal next = journal_.with(record.version);
    std::string key = autosave_version_key(record.version.id);
    platform::storage_set(key, serialize_autosave_record(record), [this, next, key, done](bool version_ok) {
        if (!version_ok) return finish_write(false, key, done);
        platform::storage_set(next.index_key(), next.to_json(), [this, next, key, done](bool index_ok) {
            if (index_ok) commit(next);
            finish_write(index_ok, key, done);
        });
    });
}

void AutosaveStore::commit(const AutosaveJournal& next) {
    std::vector<std::uint64_t> dropped = journal_.dropped_in(next);
    journal_ = next;
    for (std::uint64_t id : dropped) platform::storage_remove(autosave_version_key(id));
}

// A failed write's version is listed nowhere: delete what part of it was stored (best effort).
void AutosaveStore::finish_write(bool ok, const std::string& version_key, const std::function<void(bool)>& done) {
    if (!ok) {
        ++failures_;
        platform::storage_remove(version_key);
    }
    busy_ = false;
    if (done) done(ok);
    if (waiting_) {
        AutosaveRecord next = std::move(*waiting_);
        waiting_.reset();
        write(std::move(next));
    }
}

void AutosaveStore::read(std::uint64_t id, std::function<void(std::optional<AutosaveRecord>)> on_record) const {
    const AutosaveVersion* listed = journal_.find(id);
    if (!listed) {
        on_record(std::nullopt);
        return;
    }
    AutosaveVersion version = *listed;
    platform::storage_get(autosave_version_key(id), [version, on_record](std::optional<std::string> text) {
        std::optional<AutosaveRecord> record = text ? parse_autosave_record(*text) : std::nullopt;
        if (record) record->version = version;
        on_record(std::move(record));
    });
}

}  // namespace lcs
