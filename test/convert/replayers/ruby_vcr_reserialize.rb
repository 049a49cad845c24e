# The oracle for `convert --to ruby-vcr`: each cassette read by VCR (HTTPInteraction.from_hash) and
# written again by VCR's YAML serializer (to_hash, Psych), as VCR writes a cassette it recorded.
# Prints JSON {path: text}.
require 'json'
require 'vcr'

serializer = VCR::Cassette::Serializers::YAML
out = {}
ARGV.each do |path|
  data = serializer.deserialize(File.read(path))
  interactions = data['http_interactions'].map { |h| VCR::HTTPInteraction.from_hash(h).to_hash }
  out[path] = serializer.serialize('http_interactions' => interactions, 'recorded_with' => data['recorded_with'])
end
puts JSON.generate(out)
