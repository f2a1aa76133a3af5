using Mfa.Core;
using Mfa.Core.Storage;

namespace Mfa.Specification.Storage;

/// <summary>The contract of <see cref="IAuthenticatorStore"/>: create, find, list oldest first, optimistic concurrency, credential-id uniqueness per kind.</summary>
public abstract class AuthenticatorStoreSpecification : StoreSpecification<IAuthenticatorStore>
{
    private AuthenticatorRecord NewRecord(string? userId = null, string kind = "totp", string? credentialId = null, TimeSpan? age = null) => new()
    {
        Id = AuthenticatorRecord.NewId(),
        UserId = userId ?? NewId("user"),
        Kind = kind,
        Name = "Phone",
        CredentialId = credentialId,
        Data = """{"secret":"protected","digits":6}""",
        CreatedAt = Now - (age ?? TimeSpan.Zero),
    };

    private async Task<AuthenticatorRecord> CreateAsync(AuthenticatorRecord record)
    {
        var stored = await Store.TryCreateAsync(record);
        Assert.That(stored, Is.Not.Null, "setup: the record must be created");
        return stored!;
    }

    private static void AssertSameRecord(AuthenticatorRecord? actual, AuthenticatorRecord expected)
    {
        Assert.That(actual, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual!.Id, Is.EqualTo(expected.Id));
            Assert.That(actual.UserId, Is.EqualTo(expected.UserId));
            Assert.That(actual.Kind, Is.EqualTo(expected.Kind));
            Assert.That(actual.Name, Is.EqualTo(expected.Name));
            Assert.That(actual.CredentialId, Is.EqualTo(expected.CredentialId));
            Assert.That(actual.Data, Is.EqualTo(expected.Data));
            Assert.That(actual.CreatedAt, Is.EqualTo(expected.CreatedAt));
            Assert.That(actual.LastUsedAt, Is.EqualTo(expected.LastUsedAt));
            Assert.That(actual.Version, Is.EqualTo(expected.Version));
            Assert.That(actual.Description, Is.EqualTo(expected.Description));
        }
    }

    // --- create and find --------------------------------------------------------------------------------------

    [Test]
    public async Task TryCreateAsync_NewRecord_StoresVersionOne()
    {
        var stored = await Store.TryCreateAsync(NewRecord() with { Version = 42 });
        Assert.That(stored?.Version, Is.EqualTo(1));
    }

    [Test]
    public async Task TryCreateAsync_NewRecord_FindByIdReturnsEveryField()
    {
        var record = NewRecord(kind: "webauthn", credentialId: "AbC-_dEf") with
        {
            Name = "Clé de sécurité 🔑",
            Description = "YubiKey 5 NFC",
            Data = """{"publicKey":"pQECAyYgASFYIA","signCount":7,"note":"ünïcödé"}""",
            LastUsedAt = Now + TimeSpan.FromMilliseconds(1234),
        };
        await CreateAsync(record);
        AssertSameRecord(await Store.FindByIdAsync(record.Id), record with { Version = 1 });
    }

    [Test]
    public async Task TryCreateAsync_NoCredentialIdNorLastUse_RoundTripsNulls()
    {
        var record = NewRecord();
        await CreateAsync(record);
        AssertSameRecord(await Store.FindByIdAsync(record.Id), record with { Version = 1 });
    }

    [Test]
    public async Task TryUpdateAsync_NewDescription_IsStored()
    {
        var created = await CreateAsync(NewRecord(kind: "webauthn", credentialId: NewId("cred")));

        var updated = await Store.TryUpdateAsync(created with { Description = "Security Key by Yubico" });

        AssertSameRecord(await Store.FindByIdAsync(created.Id), created with { Description = "Security Key by Yubico", Version = updated!.Version });
    }

    [Test]
    public async Task TryCreateAsync_NewRecord_ReturnsTheStoredRecord()
    {
        var record = NewRecord(credentialId: "cred");
        AssertSameRecord(await Store.TryCreateAsync(record), record with { Version = 1 });
    }

    [Test]
    public async Task TryCreateAsync_DuplicateId_ReturnsNullAndKeepsTheFirst()
    {
        var first = await CreateAsync(NewRecord());
        var second = NewRecord() with { Id = first.Id, Name = "Intruder" };

        var result = await Store.TryCreateAsync(second);

        Assert.That(result, Is.Null);
        AssertSameRecord(await Store.FindByIdAsync(first.Id), first);
    }

    [Test]
    public async Task TryCreateAsync_DuplicateCredentialIdSameKind_ReturnsNullAndStoresNothing()
    {
        await CreateAsync(NewRecord(kind: "webauthn", credentialId: "shared"));
        var second = NewRecord(kind: "webauthn", credentialId: "shared");

        var result = await Store.TryCreateAsync(second);

        Assert.That(result, Is.Null);
        Assert.That(await Store.FindByIdAsync(second.Id), Is.Null);
    }

    [Test]
    public async Task TryCreateAsync_SameCredentialIdOtherKind_IsStored()
    {
        await CreateAsync(NewRecord(kind: "webauthn", credentialId: "shared"));
        var result = await Store.TryCreateAsync(NewRecord(kind: "push", credentialId: "shared"));
        Assert.That(result, Is.Not.Null);
    }

    [Test]
    public async Task TryCreateAsync_CredentialIdDiffersOnlyInCase_IsStored()
    {
        // base64url is case-sensitive: "AbC" and "abc" are different credentials.
        await CreateAsync(NewRecord(kind: "webauthn", credentialId: "AbC"));
        var result = await Store.TryCreateAsync(NewRecord(kind: "webauthn", credentialId: "abc"));
        Assert.That(result, Is.Not.Null);
    }

    [Test]
    public async Task TryCreateAsync_ManyWithoutCredentialId_AllStored()
    {
        var userId = NewId("user");
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync(NewRecord(userId));
        }

        Assert.That(await Store.ListByUserAsync(userId), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task TryCreateAsync_OnStore_VisibleToPeer()
    {
        var record = await CreateAsync(NewRecord(credentialId: "seen-by-peer"));
        AssertSameRecord(await Peer.FindByIdAsync(record.Id), record);
    }

    [Test]
    public async Task FindByIdAsync_Unknown_ReturnsNull()
    {
        Assert.That(await Store.FindByIdAsync(AuthenticatorRecord.NewId()), Is.Null);
    }

    [Test]
    public async Task FindByIdAsync_IdDiffersOnlyInCase_ReturnsNull()
    {
        var record = await CreateAsync(NewRecord() with { Id = "Case-Sensitive-Id" + Guid.NewGuid().ToString("N") });
        Assert.That(await Store.FindByIdAsync(record.Id.ToUpperInvariant()), Is.Null);
    }

    [Test]
    public async Task FindByCredentialIdAsync_Known_ReturnsRecord()
    {
        var record = await CreateAsync(NewRecord(kind: "webauthn", credentialId: "cred-1"));
        AssertSameRecord(await Store.FindByCredentialIdAsync("webauthn", "cred-1"), record);
    }

    [Test]
    public async Task FindByCredentialIdAsync_OtherKind_ReturnsNull()
    {
        await CreateAsync(NewRecord(kind: "webauthn", credentialId: "cred-1"));
        Assert.That(await Store.FindByCredentialIdAsync("push", "cred-1"), Is.Null);
    }

    [Test]
    public async Task FindByCredentialIdAsync_Unknown_ReturnsNull()
    {
        await CreateAsync(NewRecord(kind: "webauthn", credentialId: "cred-1"));
        Assert.That(await Store.FindByCredentialIdAsync("webauthn", "cred-2"), Is.Null);
    }

    // --- list ---------------------------------------------------------------------------------------------

    [Test]
    public async Task ListByUserAsync_CreatedOutOfOrder_ReturnsOldestFirst()
    {
        var userId = NewId("user");
        var middle = await CreateAsync(NewRecord(userId, age: TimeSpan.FromDays(2)));
        var newest = await CreateAsync(NewRecord(userId, age: TimeSpan.FromDays(1)));
        var oldest = await CreateAsync(NewRecord(userId, age: TimeSpan.FromDays(3)));

        var listed = await Store.ListByUserAsync(userId);

        Assert.That(listed.Select(r => r.Id), Is.EqualTo(new[] { oldest.Id, middle.Id, newest.Id }));
    }

    [Test]
    public async Task ListByUserAsync_OtherUsersRecords_NotListed()
    {
        var userId = NewId("user");
        var mine = await CreateAsync(NewRecord(userId));
        await CreateAsync(NewRecord());

        var listed = await Store.ListByUserAsync(userId);

        Assert.That(listed.Select(r => r.Id), Is.EqualTo(new[] { mine.Id }));
    }

    [Test]
    public async Task ListByUserAsync_UserIdDiffersOnlyInCase_NotListed()
    {
        await CreateAsync(NewRecord("Alice-" + Guid.NewGuid().ToString("N")));
        Assert.That(await Store.ListByUserAsync("alice"), Is.Empty);
    }

    [Test]
    public async Task ListByUserAsync_NoRecords_ReturnsEmpty()
    {
        Assert.That(await Store.ListByUserAsync(NewId("user")), Is.Empty);
    }

    [Test]
    public async Task ListByUserAsync_AfterUpdate_ReturnsCurrentVersions()
    {
        var record = await CreateAsync(NewRecord());
        await Store.TryUpdateAsync(record with { Name = "Renamed" });

        var listed = await Store.ListByUserAsync(record.UserId);

        Assert.That(listed.Select(r => (r.Name, r.Version)), Is.EqualTo(new[] { ("Renamed", 2L) }));
    }

    // --- pages over every user ------------------------------------------------------------------------------

    [Test]
    public async Task ListPageAsync_EmptyStore_ReturnsNothing()
    {
        Assert.That(await Store.ListPageAsync(null, 10), Is.Empty);
    }

    [Test]
    public async Task ListPageAsync_SeveralUsers_PagesInBinaryIdOrderWithoutGapsOrRepeats()
    {
        // Upper case before lower case, digits and '-' before letters, '_' between: binary order, not a culture's.
        string[] ids = ["b-record", "B-record", "a_record", "A-record", "0-record", "z", "Z_", "_x"];
        foreach (var id in ids)
        {
            await CreateAsync(NewRecord() with { Id = id });
        }

        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await Peer.ListPageAsync(after, 3);
            seen.AddRange(page.Select(r => r.Id));
            if (page.Count < 3)
            {
                break;
            }

            after = page[^1].Id;
        }

        Assert.That(seen, Is.EqualTo(ids.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task ListPageAsync_AfterAnIdThatIsNotStored_StartsAfterIt()
    {
        var first = await CreateAsync(NewRecord() with { Id = "m1" });
        var second = await CreateAsync(NewRecord() with { Id = "m3" });

        var page = await Store.ListPageAsync("m2", 10);

        Assert.That(page.Select(r => r.Id), Is.EqualTo(new[] { "m3" }));
        AssertSameRecord(page[0], second);
        Assert.That(first.Id, Is.EqualTo("m1"));
    }

    // --- update -------------------------------------------------------------------------------------------

    [Test]
    public async Task TryUpdateAsync_CurrentVersion_StoresChangesWithNextVersion()
    {
        var record = await CreateAsync(NewRecord(credentialId: "cred"));
        var changed = record with { Name = "Work phone", Data = """{"counter":8}""", LastUsedAt = Now + TimeSpan.FromSeconds(5) };

        var updated = await Store.TryUpdateAsync(changed);

        AssertSameRecord(updated, changed with { Version = 2 });
        AssertSameRecord(await Store.FindByIdAsync(record.Id), changed with { Version = 2 });
    }

    [Test]
    public async Task TryUpdateAsync_Twice_VersionKeepsIncreasing()
    {
        var record = await CreateAsync(NewRecord());
        var second = await Store.TryUpdateAsync(record with { Name = "A" });
        var third = await Store.TryUpdateAsync(second! with { Name = "B" });
        Assert.That(third?.Version, Is.EqualTo(3));
    }

    [Test]
    public async Task TryUpdateAsync_StaleVersion_ReturnsNullAndChangesNothing()
    {
        var record = await CreateAsync(NewRecord());
        var current = await Store.TryUpdateAsync(record with { Name = "First writer" });

        var result = await Store.TryUpdateAsync(record with { Name = "Second writer" });

        Assert.That(result, Is.Null);
        AssertSameRecord(await Store.FindByIdAsync(record.Id), current!);
    }

    [Test]
    public async Task TryUpdateAsync_StaleVersionOnPeer_ReturnsNull()
    {
        var record = await CreateAsync(NewRecord());
        await Store.TryUpdateAsync(record with { Name = "First writer" });
        Assert.That(await Peer.TryUpdateAsync(record with { Name = "Second writer" }), Is.Null);
    }

    [Test]
    public async Task TryUpdateAsync_VersionAhead_ReturnsNullAndChangesNothing()
    {
        var record = await CreateAsync(NewRecord());

        var result = await Store.TryUpdateAsync(record with { Name = "Forged", Version = 2 });

        Assert.That(result, Is.Null);
        AssertSameRecord(await Store.FindByIdAsync(record.Id), record);
    }

    [Test]
    public async Task TryUpdateAsync_Unknown_ReturnsNullAndCreatesNothing()
    {
        var record = NewRecord() with { Version = 1 };

        var result = await Store.TryUpdateAsync(record);

        Assert.That(result, Is.Null);
        Assert.That(await Store.FindByIdAsync(record.Id), Is.Null);
    }

    [Test]
    public async Task TryUpdateAsync_UserChanged_ReturnsNullAndChangesNothing()
    {
        var record = await CreateAsync(NewRecord());

        var result = await Store.TryUpdateAsync(record with { UserId = NewId("thief") });

        Assert.That(result, Is.Null);
        AssertSameRecord(await Store.FindByIdAsync(record.Id), record);
    }

    [Test]
    public async Task TryUpdateAsync_KindChanged_ReturnsNullAndChangesNothing()
    {
        var record = await CreateAsync(NewRecord());

        var result = await Store.TryUpdateAsync(record with { Kind = "webauthn" });

        Assert.That(result, Is.Null);
        AssertSameRecord(await Store.FindByIdAsync(record.Id), record);
    }

    [Test]
    public async Task TryUpdateAsync_CredentialIdChanged_ReturnsNullAndChangesNothing()
    {
        var record = await CreateAsync(NewRecord(kind: "webauthn", credentialId: "original"));

        var result = await Store.TryUpdateAsync(record with { CredentialId = "other" });

        Assert.That(result, Is.Null);
        AssertSameRecord(await Store.FindByCredentialIdAsync("webauthn", "original"), record);
    }

    [Test]
    public async Task TryUpdateAsync_CredentialIdAdded_ReturnsNullAndChangesNothing()
    {
        var record = await CreateAsync(NewRecord(kind: "webauthn"));

        var result = await Store.TryUpdateAsync(record with { CredentialId = "added" });

        Assert.That(result, Is.Null);
        Assert.That(await Store.FindByCredentialIdAsync("webauthn", "added"), Is.Null);
    }

    [Test]
    public async Task TryUpdateAsync_CredentialIdRemoved_ReturnsNullAndChangesNothing()
    {
        var record = await CreateAsync(NewRecord(kind: "webauthn", credentialId: "kept"));

        var result = await Store.TryUpdateAsync(record with { CredentialId = null });

        Assert.That(result, Is.Null);
        AssertSameRecord(await Store.FindByIdAsync(record.Id), record);
    }

    [Test]
    public async Task TryUpdateAsync_RacingWithTheSameVersion_ExactlyOneWins()
    {
        var record = await CreateAsync(NewRecord());

        var results = await RaceAsync(async store => await store.TryUpdateAsync(record with { Name = "Writer " + Guid.NewGuid().ToString("N") }));

        var winners = results.Where(r => r is not null).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        AssertSameRecord(await Store.FindByIdAsync(record.Id), winners[0]!);
    }

    // --- delete -------------------------------------------------------------------------------------------

    [Test]
    public async Task TryDeleteAsync_CurrentVersion_RemovesTheRecordEverywhere()
    {
        var record = await CreateAsync(NewRecord(kind: "webauthn", credentialId: "gone"));

        var deleted = await Store.TryDeleteAsync(record.Id, record.Version);

        Assert.That(deleted, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.FindByIdAsync(record.Id), Is.Null);
            Assert.That(await Store.FindByCredentialIdAsync("webauthn", "gone"), Is.Null);
            Assert.That(await Store.ListByUserAsync(record.UserId), Is.Empty);
        }
    }

    [Test]
    public async Task TryDeleteAsync_StaleVersion_ReturnsFalseAndKeepsTheRecord()
    {
        var record = await CreateAsync(NewRecord());
        var current = await Store.TryUpdateAsync(record with { Name = "Renamed" });

        var deleted = await Store.TryDeleteAsync(record.Id, record.Version);

        Assert.That(deleted, Is.False);
        AssertSameRecord(await Store.FindByIdAsync(record.Id), current!);
    }

    [Test]
    public async Task TryDeleteAsync_Unknown_ReturnsFalse()
    {
        Assert.That(await Store.TryDeleteAsync(AuthenticatorRecord.NewId(), 1), Is.False);
    }

    [Test]
    public async Task TryDeleteAsync_Twice_SecondReturnsFalse()
    {
        var record = await CreateAsync(NewRecord());
        await Store.TryDeleteAsync(record.Id, record.Version);
        Assert.That(await Peer.TryDeleteAsync(record.Id, record.Version), Is.False);
    }

    [Test]
    public async Task TryDeleteAsync_ThenCreateWithTheSameCredentialId_IsStored()
    {
        var record = await CreateAsync(NewRecord(kind: "webauthn", credentialId: "reused"));
        await Store.TryDeleteAsync(record.Id, record.Version);

        var again = await Store.TryCreateAsync(NewRecord(kind: "webauthn", credentialId: "reused"));

        Assert.That(again, Is.Not.Null);
    }

    [Test]
    public async Task TryDeleteAsync_Racing_ExactlyOneWins()
    {
        var record = await CreateAsync(NewRecord());
        var results = await RaceAsync(store => store.TryDeleteAsync(record.Id, record.Version));
        Assert.That(results.Count(deleted => deleted), Is.EqualTo(1));
    }

    [Test]
    public async Task TryCreateAsync_RacingWithTheSameCredentialId_ExactlyOneWins()
    {
        var results = await RaceAsync(store => store.TryCreateAsync(NewRecord(kind: "webauthn", credentialId: "contested")));
        Assert.That(results.Count(r => r is not null), Is.EqualTo(1));
    }

    [Test]
    public async Task Lookups_UnstorableStrings_FindNothing()
    {
        var record = await CreateAsync(NewRecord(kind: "webauthn", credentialId: "cred"));
        foreach (var text in Unstorable)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(await Store.FindByIdAsync(text), Is.Null);
                Assert.That(await Store.FindByCredentialIdAsync("webauthn", text), Is.Null);
                Assert.That(await Store.FindByCredentialIdAsync(text, "cred"), Is.Null);
                Assert.That(await Store.ListByUserAsync(text), Is.Empty);
                Assert.That(await Store.TryUpdateAsync(record with { Id = text }), Is.Null);
                Assert.That(await Store.TryDeleteAsync(text, 1), Is.False);
            }
        }
    }
}
