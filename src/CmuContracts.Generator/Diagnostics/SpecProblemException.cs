using System;
using System.Collections.Generic;
using CmuContracts.Generator.Spec;
using Microsoft.CodeAnalysis;

namespace CmuContracts.Generator.Diagnostics;

/// <summary>
/// A problem that makes one construct unusable. It is thrown where it is found and reported by the
/// nearest reader that can skip something whole (a property, a parameter, an operation, a schema),
/// which supplies the descriptor's last message argument: what was skipped.
/// </summary>
internal sealed class SpecProblemException : Exception
{
    public SpecProblemException()
        : this(DiagnosticDescriptors.InternalError, null)
    {
    }

    public SpecProblemException(string message)
        : base(message)
    {
        Descriptor = DiagnosticDescriptors.InternalError;
        Args = new[] { message };
    }

    public SpecProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Descriptor = DiagnosticDescriptors.InternalError;
        Args = new[] { message };
    }

    public SpecProblemException(DiagnosticDescriptor descriptor, SpecNode? node, params string[] args)
        : base(descriptor.Id)
    {
        Descriptor = descriptor;
        Node = node;
        Args = args;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Where the problem is; null means the start of the file.</summary>
    public SpecNode? Node { get; }

    /// <summary>The message arguments except the last one (what was skipped).</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>CMU1007: a field has the wrong shape.</summary>
    public static SpecProblemException InvalidValue(SpecNode node, string field, string expected) =>
        new(DiagnosticDescriptors.InvalidValue, node, field, expected);

    /// <summary>CMU1004: a construct the generated code cannot honor.</summary>
    public static SpecProblemException Unsupported(SpecNode node, string construct) =>
        new(DiagnosticDescriptors.Unsupported, node, construct);

    /// <summary>CMU1003: a $ref that leads nowhere usable.</summary>
    public static SpecProblemException Unresolved(SpecNode node, string reference, string reason) =>
        new(DiagnosticDescriptors.UnresolvedReference, node, reference, reason);
}
