// The autosave journal (autosave_journal.h) kept in platform storage. Order of writes, so that a tab
// closed at any moment leaves every listed version readable: the new version under its own key; only
// when that succeeded, the index naming it (under the index key not holding the current index); only
// when that succeeded, deleting versions that fell off the list. A failed write leaves the journal as
// it was. Storage callbacks may come later (web) or at once (native); both are handled.
#pragma once
#include <functional>
#include <optional>

#include "app/autosave_journal.h"

namespace lcs {

class AutosaveStore {
public:
    // Reads the index and, when there is none, moves the pre-journal single autosave (key
    // kLegacyAutosaveKey) into the journal once; then calls on_ready. Precondition: called once.
    // The store must outlive the storage callbacks (the app's store lives as long as the program).
    void load(std::function<void()> on_ready);
    bool loaded() const { return loaded_; }

    const AutosaveJournal& journal() const { return journal_; }

    // Stores `record` as the newest version (its version.id is assigned here). A write asked for
    // while another is under way waits for it; of several waiting, only the newest is written.
    void write(AutosaveRecord record);
    bool busy() const { return busy_; }
    // Writes that failed (nothing listed changed); the app reports a change in this count.
    int failures() const { return failures_; }

    // A listed version's record (version = its index entry); nullopt when not listed or unreadable.
    void read(std::uint64_t id, std::function<void(std::optional<AutosaveRecord>)> on_record) const;
    // The pre-journal autosave when moving it into the journal failed (so this session can still
    // restore it; the next start tries the move again).
    const std::optional<AutosaveRecord>& unmoved_legacy() const { return unmoved_legacy_; }

private:
    void migrate_legacy(const std::optional<std::string>& text, std::function<void()> on_ready);
    // write without waiting; done(ok) runs once the write succeeded or failed.
    void write_now(AutosaveRecord record, std::function<void(bool ok)> done);
    void commit(const AutosaveJournal& next);
    void finish_write(bool ok, const std::string& version_key, const std::function<void(bool)>& done);

    AutosaveJournal journal_;
    bool loaded_ = false;
    bool busy_ = false;
    std::optional<AutosaveRecord> waiting_;
    int failures_ = 0;
    std::optional<AutosaveRecord> unmoved_legacy_;
};

}  // namespace lcs
