using Google.Protobuf;

namespace PostGuard.Server.Tests.Telemetry;

/// <summary>A span as the receiver got it: which process (service.name) sent it and how it links to its parent.</summary>
public sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string? ParentSpanId, string Name, SpanKind Kind, IReadOnlyDictionary<string, string> Attributes)
{
    public override string ToString() => $"{Service} {Kind} '{Name}' {SpanId} <- {ParentSpanId ?? "root"}";
}

/// <summary>OTLP's Span.SpanKind.</summary>
public enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}

/// <summary>One data point of a sum (Value) or a histogram (Count, Value = its sum).</summary>
public sealed record ReceivedMetricPoint(string Service, string Metric, IReadOnlyDictionary<string, string> Attributes, double Value, ulong Count);

/// <summary>
/// Reads the OTLP/HTTP protobuf bodies the exporter sends (ExportTraceServiceRequest, ExportMetricsServiceRequest)
/// with Google.Protobuf's wire-format reader, keeping only the fields the tests look at. The field numbers are
/// those of the opentelemetry-proto messages (trace/v1/trace.proto, metrics/v1/metrics.proto, common/v1/common.proto).
/// </summary>
public static class OtlpProtobuf
{
    public static IReadOnlyList<ReceivedSpan> ReadTraces(byte[] body)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in Fields(body).Where(f => f.Number == 1)) // ExportTraceServiceRequest.resource_spans
        {
            var fields = Fields(resourceSpans.Bytes);
            var service = ServiceName(fields);
            foreach (var scopeSpans in fields.Where(f => f.Number == 2)) // ResourceSpans.scope_spans
            {
                var scopeFields = Fields(scopeSpans.Bytes);
                var scope = scopeFields.FirstOrDefault(f => f.Number == 1) is { } s ? Text(Fields(s.Bytes), 1) : ""; // InstrumentationScope.name
                foreach (var span in scopeFields.Where(f => f.Number == 2)) // ScopeSpans.spans
                {
                    var f = Fields(span.Bytes);
                    var parent = f.FirstOrDefault(x => x.Number == 4)?.Bytes;
                    spans.Add(new ReceivedSpan(
                        service,
                        scope,
                        Hex(f.First(x => x.Number == 1).Bytes),
                        Hex(f.First(x => x.Number == 2).Bytes),
                        parent is { Length: > 0 } ? Hex(parent) : null,
                        Text(f, 5),
                        (SpanKind)(int)(f.FirstOrDefault(x => x.Number == 6)?.Varint ?? 0),
                        Attributes(f, 9)));
                }
            }
        }
        return spans;
    }

    public static IReadOnlyList<ReceivedMetricPoint> ReadMetrics(byte[] body)
    {
        var points = new List<ReceivedMetricPoint>();
        foreach (var resourceMetrics in Fields(body).Where(f => f.Number == 1)) // ExportMetricsServiceRequest.resource_metrics
        {
            var fields = Fields(resourceMetrics.Bytes);
            var service = ServiceName(fields);
            foreach (var scopeMetrics in fields.Where(f => f.Number == 2)) // ResourceMetrics.scope_metrics
            {
                foreach (var metric in Fields(scopeMetrics.Bytes).Where(f => f.Number == 2)) // ScopeMetrics.metrics
                {
                    var m = Fields(metric.Bytes);
                    var name = Text(m, 1);
                    if (m.FirstOrDefault(x => x.Number == 7) is { } sum) // Metric.sum: data_points = 1 (NumberDataPoint)
                    {
                        foreach (var point in Fields(sum.Bytes).Where(x => x.Number == 1))
                        {
                            var p = Fields(point.Bytes);
                            // NumberDataPoint: as_double = 4 (double), as_int = 6 (sfixed64)
                            var value = p.FirstOrDefault(x => x.Number == 4) is { } d ? BitConverter.Int64BitsToDouble((long)d.Fixed64)
                                : p.FirstOrDefault(x => x.Number == 6) is { } i ? (long)i.Fixed64 : 0;
                            points.Add(new ReceivedMetricPoint(service, name, Attributes(p, 7), value, 1));
                        }
                    }
                    if (m.FirstOrDefault(x => x.Number == 9) is { } histogram) // Metric.histogram: data_points = 1 (HistogramDataPoint)
                    {
                        foreach (var point in Fields(histogram.Bytes).Where(x => x.Number == 1))
                        {
                            var p = Fields(point.Bytes);
                            // HistogramDataPoint: count = 4 (fixed64), sum = 5 (double), attributes = 9
                            var count = p.FirstOrDefault(x => x.Number == 4)?.Fixed64 ?? 0;
                            var total = p.FirstOrDefault(x => x.Number == 5) is { } s ? BitConverter.Int64BitsToDouble((long)s.Fixed64) : 0;
                            points.Add(new ReceivedMetricPoint(service, name, Attributes(p, 9), total, count));
                        }
                    }
                }
            }
        }
        return points;
    }

    /// <summary>Resource.attributes["service.name"] of a ResourceSpans or ResourceMetrics (resource = 1).</summary>
    private static string ServiceName(List<Field> resourceContainer) =>
        resourceContainer.FirstOrDefault(f => f.Number == 1) is { } resource && Attributes(Fields(resource.Bytes), 1).TryGetValue("service.name", out var name) ? name : "";

    /// <summary>KeyValue (key = 1, value = 2: AnyValue with string = 1, bool = 2, int = 3, double = 4), as text.</summary>
    private static Dictionary<string, string> Attributes(List<Field> fields, int number)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyValue in fields.Where(f => f.Number == number))
        {
            var kv = Fields(keyValue.Bytes);
            var key = Text(kv, 1);
            var any = kv.FirstOrDefault(f => f.Number == 2) is { } v ? Fields(v.Bytes).FirstOrDefault() : null;
            attributes[key] = any?.Number switch
            {
                1 => any.Bytes.ToStringUtf8(),
                2 => (any.Varint != 0).ToString(),
                3 => ((long)any.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
                4 => BitConverter.Int64BitsToDouble((long)any.Fixed64).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            };
        }
        return attributes;
    }

    private static string Text(List<Field> fields, int number) => fields.FirstOrDefault(f => f.Number == number)?.Bytes.ToStringUtf8() ?? "";

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private sealed record Field(int Number, WireFormat.WireType Type, ulong Varint, ulong Fixed64, ByteString Bytes);

    private static List<Field> Fields(byte[] message) => Fields(ByteString.CopyFrom(message));

    private static List<Field> Fields(ByteString message)
    {
        var fields = new List<Field>();
        var input = new CodedInputStream(message.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            var type = WireFormat.GetTagWireType(tag);
            switch (type)
            {
                case WireFormat.WireType.Varint:
                    fields.Add(new Field(number, type, input.ReadUInt64(), 0, ByteString.Empty));
                    break;
                case WireFormat.WireType.Fixed64:
                    fields.Add(new Field(number, type, 0, input.ReadFixed64(), ByteString.Empty));
                    break;
                case WireFormat.WireType.Fixed32:
                    fields.Add(new Field(number, type, 0, input.ReadFixed32(), ByteString.Empty));
                    break;
                case WireFormat.WireType.LengthDelimited:
                    fields.Add(new Field(number, type, 0, 0, input.ReadBytes()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return fields;
    }
}
