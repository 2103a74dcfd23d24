// The official `openai` npm package drives the fine-tuning flow against the Foundry.Training emulator, once as
// `OpenAI` and once as `AzureOpenAI` (api-version 2024-05-01-preview): one node:test test per step, so a run reports
// each step. The emulator must be running: ../run.sh starts it and passes its endpoint in FOUNDRY_EMULATOR_ENDPOINT.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import OpenAI, { AzureOpenAI, toFile } from 'openai';

const endpoint = process.env.FOUNDRY_EMULATOR_ENDPOINT;
if (!endpoint) {
  throw new Error('FOUNDRY_EMULATOR_ENDPOINT is not set: start the emulator with ../run.sh');
}

const baseModel = 'gpt-4o-mini-2024-07-18';
const training = Buffer.from(
  Array.from({ length: 20 }, (_, i) => JSON.stringify({
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: `What is ${i} + 1?` },
      { role: 'assistant', content: String(i + 1) },
    ],
  })).join('\n') + '\n',
);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(read, done, what) {
  for (let i = 0; i < 600; i++) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function collect(page) {
  const items = [];
  let pages = 0;
  for (let current = page; current; current = current.hasNextPage() ? await current.getNextPage() : null) {
    pages++;
    items.push(...current.data);
  }
  return { items, pages };
}

const isUnixSeconds = (value) => Number.isInteger(value) && value > 1_600_000_000;

function flow(name, client, azure) {
  describe(name, () => {
    let file;
    let supervised;
    let dpo;
    let plain;
    const terminal = ['succeeded', 'failed', 'cancelled'];

    test('upload', async () => {
      file = await client.files.create({ file: await toFile(training, 'train.jsonl'), purpose: 'fine-tune' });
      assert.match(file.id, /^file-/);
      assert.equal(file.bytes, training.length);
      assert.ok(isUnixSeconds(file.created_at), `created_at ${file.created_at} is whole unix seconds`);
    });

    test('list files with purpose', async () => {
      await client.files.create({ file: await toFile(Buffer.from('{}'), 'other.jsonl'), purpose: 'assistants' });
      const { items } = await collect(await client.files.list({ purpose: 'fine-tune' }));
      assert.deepEqual(items.map((f) => f.id), [file.id]);
    });

    test('wait for processed', async () => {
      file = await until(() => client.files.retrieve(file.id), (f) => f.status === 'processed' || f.status === 'error', 'the file');
      assert.equal(file.status, 'processed');
    });

    test('create supervised', async () => {
      const request = { model: baseModel, training_file: file.id, validation_file: file.id, suffix: 'official', seed: 42 };
      if (!azure) {
        request.method = { type: 'supervised', supervised: { hyperparameters: { n_epochs: 2 } } };
        request.metadata = { flow: 'official-node' };
      }
      supervised = await client.fineTuning.jobs.create(request);
      assert.match(supervised.id, /^ftjob-/);
      assert.equal(supervised.seed, 42);
      assert.ok(isUnixSeconds(supervised.created_at));
      if (!azure) {
        // Required by the OpenAI spec, null until the job has them.
        for (const key of ['fine_tuned_model', 'finished_at', 'error', 'trained_tokens']) {
          assert.ok(key in supervised, `${key} is present`);
          assert.equal(supervised[key], null, `${key} is null`);
        }
      }
    });

    test(azure ? 'create with hyperparameters' : 'create DPO', async () => {
      const request = azure
        ? { model: baseModel, training_file: file.id, hyperparameters: { n_epochs: 1 } }
        : { model: baseModel, training_file: file.id, method: { type: 'dpo', dpo: { hyperparameters: { beta: 0.5 } } } };
      dpo = await client.fineTuning.jobs.create(request);
      assert.ok(dpo.id);
    });

    test('create without a method', async () => {
      plain = await client.fineTuning.jobs.create({ model: baseModel, training_file: file.id });
      assert.ok(!terminal.includes(plain.status));
    });

    test('paged list', async () => {
      const { items, pages } = await collect(await client.fineTuning.jobs.list({ limit: 2 }));
      assert.deepEqual(items.map((j) => j.id), [plain.id, dpo.id, supervised.id]);
      assert.equal(pages, 2);
    });

    test('get', async () => {
      const job = await client.fineTuning.jobs.retrieve(supervised.id);
      assert.equal(job.model, baseModel);
      assert.equal(job.training_file, file.id);
      assert.equal(job.validation_file, file.id);
      if (!azure) {
        assert.deepEqual(job.metadata, { flow: 'official-node' });
      }
    });

    test('cancel', async () => {
      const cancelled = await client.fineTuning.jobs.cancel(dpo.id);
      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await client.fineTuning.jobs.retrieve(dpo.id)).status, 'cancelled');
    });

    test('wait for completion', async () => {
      supervised = await until(() => client.fineTuning.jobs.retrieve(supervised.id), (j) => terminal.includes(j.status), 'the job');
      assert.equal(supervised.status, 'succeeded');
      assert.ok(supervised.fine_tuned_model);
      assert.ok(isUnixSeconds(supervised.finished_at));
      assert.equal(supervised.result_files.length, 1);
    });

    test('paged events', async () => {
      const { items, pages } = await collect(await client.fineTuning.jobs.listEvents(supervised.id, { limit: 5 }));
      assert.ok(pages > 1, `${pages} pages`);
      assert.equal(items[0].message, azure ? 'Job succeeded.' : 'The job has successfully completed');
      assert.ok(items.some((e) => e.type === 'metrics' && e.data.step === 6));
      assert.ok(items.every((e) => isUnixSeconds(e.created_at)));
    });

    test('checkpoints', async () => {
      const { items } = await collect(await client.fineTuning.jobs.checkpoints.list(supervised.id));
      assert.deepEqual(items.map((c) => c.step_number), [6, 4, 2]);
      assert.ok(items[0].fine_tuned_model_checkpoint.endsWith(':ckpt-step-6'));
      assert.ok(items[0].metrics.train_loss > 0);
    });

    test('download', async () => {
      const response = await client.files.content(file.id);
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), training);
    });

    test('delete', async () => {
      const deleted = await client.files.delete(file.id);
      if (!azure) {
        assert.deepEqual(deleted, { id: file.id, object: 'file', deleted: true });
      }
      const { items } = await collect(await client.files.list({ purpose: 'fine-tune' }));
      assert.deepEqual(items, []);
    });
  });
}

flow('OpenAI', new OpenAI({ apiKey: 'emulator-key', baseURL: endpoint, maxRetries: 0 }), false);
flow('AzureOpenAI', new AzureOpenAI({ apiKey: 'emulator-key', endpoint, apiVersion: '2024-05-01-preview', maxRetries: 0 }), true);
