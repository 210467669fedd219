import { describe, expect, it } from 'vitest';
import { scanChatTemplate } from '../../../src/models/jinja/template-scan.js';

const ESCAPES: [string, string][] = [
  ['dunder chain', "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
  ['lipsum globals', "{{ lipsum.__globals__['os'].popen('id').read() }}"],
  ['cycler init', '{{ cycler.__init__.__globals__.os.popen("id").read() }}'],
  ['joiner', '{{ joiner.__init__.__globals__ }}'],
  ['namespace internals', '{{ namespace.__init__.__globals__ }}'],
  ['self context', '{{ self._TemplateReference__context.cycler }}'],
  ['config items', '{{ config.items() }}'],
  ['attr with literal dunder', "{{ messages|attr('__class__') }}"],
  ['attr with hex escapes', "{{ messages|attr('\\x5f\\x5fclass\\x5f\\x5f') }}"],
  ['attr with octal escapes (Python Jinja only)', "{{ messages|attr('\\137\\137class\\137\\137') }}"],
  ['computed attr name', "{{ messages|attr(a ~ b) }}"],
  ['subscript dunder', "{{ messages['__class__'] }}"],
  ['concatenated subscript', "{{ messages['__cla' ~ 'ss__'] }}"],
  ['popen', "{{ x.popen('id') }}"],
  ['import', "{{ __import__('os') }}"],
  ['builtins', "{{ x.__builtins__ }}"],
  ['in a set statement', "{% set c = ''.__class__ %}{{ c }}"],
  ['in a macro', "{% macro m() %}{{ ().__class__ }}{% endmacro %}{{ m() }}"],
  ['in an if test', "{% if ().__class__ %}x{% endif %}"],
];

/** Templates in the shape of real model templates (Llama 3, ChatML, Mistral, Qwen tools, Gemma, Phi): none may fire. */
const SAFE: [string, string][] = [
  ['chatml', "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"],
  ['mistral', "{{ bos_token }}{% for message in messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ message['content'] + eos_token}}{% endif %}{% endfor %}"],
  ['qwen tools', "{%- if tools %}{{- '<|im_start|>system\\n' }}{%- for tool in tools %}{{- \"\\n\" }}{{- tool | tojson }}{%- endfor %}{%- endif %}{%- for message in messages %}{%- if message.tool_calls %}{%- for tool_call in message.tool_calls %}{%- if tool_call.function is defined %}{%- set tool_call = tool_call.function %}{%- endif %}{{- tool_call.name }}{{- tool_call.arguments | tojson }}{%- endfor %}{%- endif %}{%- endfor %}"],
  ['gemma', "{{ bos_token }}{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}{% for message in messages %}{% set role = 'model' if message['role'] == 'assistant' else message['role'] %}{{ '<start_of_turn>' + role + '\\n' + message['content'] | trim + '<end_of_turn>\\n' }}{% endfor %}"],
  ['namespace usage', "{%- set ns = namespace(found=false, system='') -%}{%- for m in messages -%}{%- if m['role'] == 'system' -%}{%- set ns.found = true -%}{%- set ns.system = m['content'] -%}{%- endif -%}{%- endfor -%}{{ ns.system }}"],
  ['string methods', "{% for m in messages %}{{ m.content.strip().split('\\n')[0].upper() }}{{ m.content.startswith('x') }}{{ m.items() | list | length }}{% endfor %}"],
  ['loop helpers', "{% for m in messages %}{% if loop.first %}{{ m.content }}{% endif %}{{ loop.cycle('a', 'b') }}{% endfor %}"],
  ['date strings', "{{ strftime_now('%d %b %Y') }}{% set date_string = date_string | default('26 Jul 2024') %}"],
];

describe('scanChatTemplate', () => {
  it.each(ESCAPES)('flags %s', (_name, tpl) => {
    const scan = scanChatTemplate(tpl);
    expect(scan.hits.length).toBeGreaterThan(0);
  });

  it.each(SAFE)('stays quiet on %s', (_name, tpl) => {
    const scan = scanChatTemplate(tpl);
    expect(scan.hits).toEqual([]);
  });

  it('reports when the template cannot be parsed and still checks its text', () => {
    const scan = scanChatTemplate('{% for x in %}{{ x.__class__ }}');
    expect(scan.parseError).toBeTruthy();
    expect(scan.hits.map((h) => h.reason).join()).toContain('__class__');
  });

  it('computed names are high, literal internals critical', () => {
    expect(scanChatTemplate('{{ m|attr(a ~ b) }}').hits.map((h) => h.severity)).toEqual(['high']);
    expect(scanChatTemplate('{{ m.__class__ }}').hits.map((h) => h.severity)).toEqual(['critical']);
  });
});
