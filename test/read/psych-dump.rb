# Psych (Ruby VCR's serializer) as an emitter for test/read/fast-yaml-pyyaml.test.ts: a JSON list
# of {"value": v, "width": n} on stdin → a JSON list of YAML.dump(v, line_width: n) texts.
# {"$bytes": base64} in a value becomes a binary (ASCII-8BIT) string, which Psych writes as !binary.
require 'json'
require 'yaml'
require 'base64'

def revive(v)
  case v
  when Array then v.map { |x| revive(x) }
  when Hash
    return Base64.decode64(v['$bytes']).b if v.size == 1 && v.key?('$bytes')
    v.to_h { |k, x| [k, revive(x)] }
  else v
  end
end

items = JSON.parse($stdin.read)
puts JSON.generate(items.map { |i| YAML.dump(revive(i['value']), line_width: i['width']) })
