# Record the Ruby VCR samples with the real VCR + WebMock (Debian ruby-vcr, ruby-webmock) and
# Net::HTTP against fake-llm-server.py (start it first). before_record rewrites the local URL to
# https://api.openai.com; clean variants use filter_sensitive_data.
# Run from the repo root: ruby scripts/samples/ruby-vcr.rb [port]
require 'vcr'
require 'webmock'
require 'net/http'
require 'json'

PORT = (ARGV[0] || 8765).to_i
LOCAL = "http://127.0.0.1:#{PORT}"
KEY = 'sk-test-FAKEruby00000000000000000000000000000000000'
TOOLS = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather for a city',
           parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }].freeze

def post(path, body, extra = {})
  uri = URI("#{LOCAL}#{path}")
  req = Net::HTTP::Post.new(uri, { 'Content-Type' => 'application/json', 'Authorization' => "Bearer #{KEY}" }.merge(extra))
  req.body = JSON.generate(body)
  Net::HTTP.start(uri.host, uri.port) { |http| http.request(req) }
end

def chat_two_turns
  messages = [{ role: 'user', content: 'What is the weather in Paris?' }]
  r1 = JSON.parse(post('/v1/chat/completions', { model: 'gpt-4o-mini', messages: messages, tools: TOOLS }).body)
  msg = r1['choices'][0]['message']
  messages += [{ role: 'assistant', content: msg['content'], tool_calls: msg['tool_calls'] },
               { role: 'tool', tool_call_id: msg['tool_calls'][0]['id'], content: '{"temperature_c":18,"sky":"sunny"}' }]
  post('/v1/chat/completions', { model: 'gpt-4o-mini', messages: messages, tools: TOOLS })
end

def gzip_chat
  # Setting Accept-Encoding ourselves turns off Net::HTTP's transparent decompression, so the gzip
  # bytes reach VCR as an ASCII-8BIT string and Psych writes them as !binary.
  post('/gzip/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello' }] },
       'Accept-Encoding' => 'gzip')
end

def record(name, serializer, clean, &block)
  ext = serializer == :json ? 'json' : 'yml'
  path = File.join('samples', "#{name}.#{ext}")
  File.delete(path) if File.exist?(path)
  VCR.configure do |c|
    c.cassette_library_dir = 'samples'
    c.hook_into :webmock
    c.default_cassette_options = { serialize_with: serializer, record: :all }
    c.before_record do |i|
      i.request.uri = i.request.uri.sub(%r{\A#{Regexp.escape(LOCAL)}(/gzip)?}, 'https://api.openai.com')
      i.request.headers['Host'] = ['api.openai.com'] if i.request.headers.key?('Host')
    end
    c.filter_sensitive_data('<OPENAI_API_KEY>') { KEY } if clean
  end
  VCR.use_cassette(name, &block)
  VCR.configuration.instance_variable_set(:@before_record_hooks, nil)
  puts "wrote #{path} #{File.size(path)}"
end

# VCR keeps hooks across configure calls, so each cassette runs in its own process.
case ARGV[1]
when nil
  %w[chat chat-dirty chat-json chat-json-dirty binary].each { |what| system('ruby', __FILE__, PORT.to_s, what) || abort("#{what} failed") }
when 'chat' then record('ruby-vcr-openai-chat', :yaml, true) { chat_two_turns }
when 'chat-dirty' then record('ruby-vcr-openai-chat-dirty', :yaml, false) { chat_two_turns }
when 'chat-json' then record('ruby-vcr-openai-chat', :json, true) { chat_two_turns }
when 'chat-json-dirty' then record('ruby-vcr-openai-chat-dirty', :json, false) { chat_two_turns }
when 'binary' then record('ruby-vcr-binary', :yaml, true) { gzip_chat }
end
