# Replays a converted cassette with Debian's Ruby VCR + WebMock and Net::HTTP (record: :none): posts
# the given request bodies in order, then a request the cassette does not hold. Prints JSON.
require 'base64'
require 'json'
require 'net/http'
require 'vcr'
require 'webmock'

cassette, url = ARGV
VCR.configure do |c|
  c.cassette_library_dir = File.dirname(cassette)
  c.hook_into :webmock
end
bodies_in = JSON.parse($stdin.read)
bodies = []
refused = false
VCR.use_cassette(File.basename(cassette, '.yml'), record: :none) do
  uri = URI(url)
  bodies_in.each do |body|
    res = Net::HTTP.post(uri, body, 'Content-Type' => 'application/json')
    bodies << Base64.strict_encode64(res.body.b)
  end
  begin
    Net::HTTP.get(URI('https://api.openai.com/v1/models'))
  rescue VCR::Errors::UnhandledHTTPRequestError
    refused = true
  end
end
puts JSON.generate('bodies' => bodies, 'refused' => refused)
