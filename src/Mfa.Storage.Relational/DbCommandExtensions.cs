using System.Data;
using System.Data.Common;

namespace Mfa.Storage.Relational;

/// <summary>Typed parameters, so that a <see langword="null"/> still tells PostgreSQL its type.</summary>
internal static class DbCommandExtensions
{
    /// <summary>Adds a text parameter.</summary>
    /// <exception cref="ArgumentException">The text has a NUL character or a lone surrogate, which no provider can store.</exception>
    public static DbCommand With(this DbCommand command, string name, string? value) => StorableText.IsStorable(value)
        ? Add(command, name, DbType.String, value)
        : throw new ArgumentException("The value has a NUL character or a lone surrogate, which the store cannot hold.", name);

    public static DbCommand With(this DbCommand command, string name, long? value) => Add(command, name, DbType.Int64, value);

    public static DbCommand With(this DbCommand command, string name, int? value) => Add(command, name, DbType.Int32, value);

    public static DbCommand With(this DbCommand command, string name, DateTimeOffset? value) => Add(command, name, DbType.Int64, value?.ToUnixTimeMilliseconds());

    public static DbCommand With(this DbCommand command, string name, ReadOnlyMemory<byte> value) => Add(command, name, DbType.Binary, value.ToArray());

    /// <summary>Adds an array parameter (PostgreSQL only: <c>bigint[]</c>); the driver infers its type from the values.</summary>
    public static DbCommand WithArray(this DbCommand command, string name, long[] values) => AddUntyped(command, name, values);

    /// <summary>Adds an array parameter (PostgreSQL only: <c>text[]</c>); the driver infers its type from the values.</summary>
    public static DbCommand WithArray(this DbCommand command, string name, string[] values) => StorableText.AreStorable(values)
        ? AddUntyped(command, name, values)
        : throw new ArgumentException("A value has a NUL character or a lone surrogate, which the store cannot hold.", name);

    /// <summary>Reads a UTC unix-millisecond column.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The time.</returns>
    public static DateTimeOffset GetTime(this DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    /// <summary>Reads a nullable UTC unix-millisecond column.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The time, or <see langword="null"/>.</returns>
    public static DateTimeOffset? GetNullableTime(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetTime(ordinal);

    /// <summary>Reads a nullable text column.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public static string? GetNullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads a binary column (an empty value is an empty array).</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The bytes.</returns>
    public static byte[] GetBlob(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? [] : reader.GetFieldValue<byte[]>(ordinal);

    private static DbCommand AddUntyped(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }

    private static DbCommand Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
