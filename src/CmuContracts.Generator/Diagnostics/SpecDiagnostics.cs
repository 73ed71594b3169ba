using System;
using System.Collections.Generic;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;
using Microsoft.CodeAnalysis;

namespace CmuContracts.Generator.Diagnostics;

/// <summary>
/// The diagnostics found in one spec so far, each located in the spec file: at a node (from its start to the end of
/// its last descendant), at a pair of marks, or at the start of the file.
/// </summary>
internal class SpecDiagnostics
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public SpecDiagnostics(string path) => Path = path;

    public string Path { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public void Report(DiagnosticDescriptor descriptor, SpecNode? node, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, Locate(node), args.ToEquatableArray()));

    public void Report(DiagnosticDescriptor descriptor, SpecMark start, SpecMark end, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, Locate(start, end), args.ToEquatableArray()));

    /// <summary>Reports a problem, naming what was skipped because of it.</summary>
    public void Report(SpecProblemException problem, string skipped)
    {
        var args = new string[problem.Args.Count + 1];
        for (var i = 0; i < problem.Args.Count; i++)
        {
            args[i] = problem.Args[i];
        }

        args[args.Length - 1] = skipped;
        Report(problem.Descriptor, problem.Node, args);
    }

    public LocationInfo Locate(SpecNode? node) =>
        node is null ? LocationInfo.FileStart(Path) : Locate(node.Start, EndOf(node));

    public LocationInfo Locate(SpecMark start, SpecMark end)
    {
        if (end.Index < start.Index)
        {
            end = start;
        }

        return new LocationInfo(
            Path,
            Math.Max(0, start.Index),
            Math.Max(0, end.Index),
            Math.Max(0, start.Line - 1),
            Math.Max(0, start.Column - 1),
            Math.Max(0, end.Line - 1),
            Math.Max(0, end.Column - 1));
    }

    /// <summary>A collection's End is its start (as YAML parsers report it): take the end of its last child.</summary>
    private static SpecMark EndOf(SpecNode node)
    {
        while (true)
        {
            switch (node)
            {
                case SpecMappingNode map when map.Children.Length > 0:
                    node = map.Children[map.Children.Length - 1].Value;
                    break;
                case SpecSequenceNode seq when seq.Children.Length > 0:
                    node = seq.Children[seq.Children.Length - 1];
                    break;
                default:
                    return node.End;
            }
        }
    }
}
