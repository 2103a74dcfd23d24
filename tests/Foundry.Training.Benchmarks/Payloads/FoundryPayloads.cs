using System.Globalization;
using System.Text;

namespace Foundry.Training.Benchmarks.Payloads;

/// <summary>
/// Canned Foundry training jobs: a large GRPO job with a composite reward (builtin, deployment judge, inline function,
/// model and evaluator rewards), inputs, outputs, tags, environment, resources, distribution, limits and system data.
/// </summary>
public static class FoundryPayloads
{
    public static string JobName(int index) => "grpo-math-" + index.ToString("D7", CultureInfo.InvariantCulture);

    public static string Job(int index)
    {
        string name = JobName(index);
        return $$$$"""
            {"name":"{{{{name}}}}","id":"{{{{name}}}}","type":"Microsoft.MachineLearningServices/workspaces/training_jobs",
             "properties":{"job_type":"command","display_name":"GRPO math {{{{index}}}}","description":"GRPO on grade-school math with a weighted judge.",
              "compute_id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/contoso/computes/h100-pool",
              "training":{"algorithm":"grpo","framework":"trl","model":"azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/3",
               "dataset":{"train":"azureai://accounts/contoso/projects/math/data/gsm8k-train/versions/4","eval":"azureai://accounts/contoso/projects/math/data/gsm8k-eval/versions/4",
                "columns":{"prompt":"question","reference":"answer"},"data_format":{"chat_template":"chatml"}},
               "hyperparameters":{"learning_rate":0.000001,"num_train_epochs":3,"per_device_train_batch_size":4,"gradient_accumulation_steps":8,"beta":0.04,"max_grad_norm":1.0,"warmup_ratio":0.05,"lr_scheduler_type":"cosine","bf16":true,"logging_steps":10},
               "reward":{"kind":"composite","rewards":[
                 {"reward":{"kind":"builtin","type":"math_equivalence"},"weight":0.5},
                 {"reward":{"kind":"deployment","deployment":"gpt-4o-judge","rubric":"Score the reasoning from 0 to 1: correct steps, no leaps, final answer boxed."},"weight":0.2},
                 {"reward":{"kind":"inline_function","inline_function":{"def":"def reward(prompt, completion, reference):\n    return 1.0 if completion.strip().endswith(reference.strip()) else 0.0\n","runtime":{"pip":["sympy==1.13.1","numpy"]}}},"weight":0.1},
                 {"reward":{"kind":"model","model":"azureai://accounts/contoso/projects/math/models/math-rm/versions/2"},"weight":0.1},
                 {"reward":{"kind":"evaluator","evaluator":"azureai://accounts/contoso/projects/math/evaluators/format-check/versions/1","input_mapping":{"response":"${completion}","ground_truth":"${reference}"}},"weight":0.1}]},
               "lora":{"rank":64,"alpha":128,"dropout":0.05,"target_modules":"all-linear"},
               "rollout":{"engine":"vllm","num_generations":16,"max_prompt_length":1024,"max_completion_length":2048,"temperature":0.9,"top_p":0.95,"tensor_parallel_size":2,"gpu_memory_utilization":0.85,"stop":["</answer>","<|im_end|>"]},
               "eval":{"benchmark":"gsm8k","every_n_steps":100},
               "resolved_framework":"trl","framework_version":"0.21.0"},
              "inputs":{"train":{"job_input_type":"uri_folder","uri":"azureai://datastores/workspaceblobstore/paths/math/train","mode":"ro_mount"},
               "eval":{"job_input_type":"uri_file","uri":"azureai://datastores/workspaceblobstore/paths/math/eval.jsonl","mode":"download"},
               "tokenizer":{"job_input_type":"custom_model","uri":"azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/3","mode":"ro_mount"},
               "seed":{"job_input_type":"literal","value":"42"}},
              "outputs":{"model":{"job_output_type":"custom_model","mode":"rw_mount","asset_name":"qwen-math-grpo","asset_version":"{{{{index}}}}","base_model_id":"azureai://registries/azureml/models/Qwen2.5-7B-Instruct/versions/3","description":"GRPO-tuned adapter"},
               "checkpoints":{"job_output_type":"uri_folder","mode":"upload","uri":"azureai://datastores/workspaceblobstore/paths/math/checkpoints/{{{{name}}}}"}},
              "tags":{"team":"math","experiment":"grpo-sweep-7","owner":"alias@contoso.com"},
              "properties":{"azureml.runsource":"training_job","sweep_index":"{{{{index}}}}"},
              "environment_variables":{"NCCL_DEBUG":"WARN","HF_HUB_OFFLINE":"1","VLLM_ATTENTION_BACKEND":"FLASH_ATTN"},
              "resources":{"instance_count":2,"instance_type":"Standard_ND96isr_H100_v5","shm_size":"64g"},
              "distribution":{"distribution_type":"pytorch","process_count_per_instance":8},
              "limits":{"job_limits_type":"command","timeout":"P1DT12H"},
              "queue_settings":{"job_tier":"Standard"},
              "status":"Running"},
             "system_data":{"created_by":"alias@contoso.com","created_by_type":"User","created_at":{{{{1_767_225_600 + index}}}},"last_modified_by":"alias@contoso.com","last_modified_by_type":"User","last_modified_at":{{{{1_767_229_200 + index}}}}}}
            """.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>A page of jobs, as <c>GET /training_jobs</c> returns it.</summary>
    public static string Page(int start, int count, bool hasMore)
    {
        var builder = new StringBuilder("""{"data":[""");
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Job(start + i));
        }

        builder.Append("],\"first_id\":\"").Append(JobName(start)).Append("\",\"last_id\":\"").Append(JobName(start + count - 1))
            .Append("\",\"has_more\":").Append(hasMore ? "true" : "false").Append('}');
        return builder.ToString();
    }

    public static byte[] PageUtf8(int start, int count, bool hasMore) => Encoding.UTF8.GetBytes(Page(start, count, hasMore));

    /// <summary>A small command job (no recipe): what the per-call overhead benchmark returns.</summary>
    public const string SmallJob = """{"name":"small","id":"small","properties":{"job_type":"command","compute_id":"c","command":"python train.py","environment_image_reference":"img","status":"Running"}}""";
}
