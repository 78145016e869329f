"""Does Moto enforce an AssumeRole session policy? (docs/decisions.md, "Local AWS emulation")

Run with a python3 that has Moto: `python3 dev-services/probes/moto_session_policy.py`. It starts its
own Moto server, sets up two relay queues, the reply table, the connector role and a relay-API user,
switches IAM enforcement on, assumes the role with the session policy StsCredentialIssuer attaches
for home A, and prints, per call, what AWS would answer and what Moto answered.
"""
import json
import logging
import urllib.request

import boto3
from moto.moto_server.threaded_moto_server import ThreadedMotoServer

logging.getLogger("werkzeug").setLevel(logging.ERROR)
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
endpoint = "http://127.0.0.1:%d" % server.get_host_and_port()[1]
account, region = "123456789012", "us-east-1"
admin = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="local", aws_secret_access_key="local")
iam, sqs, ddb = boto3.client("iam", **admin), boto3.client("sqs", **admin), boto3.client("dynamodb", **admin)

queue_a = sqs.create_queue(QueueName="p-relay-home-a")["QueueUrl"]
queue_b = sqs.create_queue(QueueName="p-relay-home-b")["QueueUrl"]
sqs.send_message(QueueUrl=queue_b, MessageBody="for home b only")
ddb.create_table(TableName="p-replies", KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
                 AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
iam.create_user(UserName="relay-api")
iam.put_user_policy(UserName="relay-api", PolicyName="assume", PolicyDocument=json.dumps({
    "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}))
key = iam.create_access_key(UserName="relay-api")["AccessKey"]
iam.create_role(RoleName="connector", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:user/relay-api" % account}, "Action": "sts:AssumeRole"}]}))
# The connector role as infrastructure/ grants it: every relay queue, PutItem on the reply table.
iam.put_role_policy(RoleName="connector", PolicyName="relay", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"], "Resource": "arn:aws:sqs:%s:%s:p-relay-home-*" % (region, account)},
    {"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "arn:aws:dynamodb:%s:%s:table/p-replies" % (region, account)}]}))

urllib.request.urlopen(urllib.request.Request(endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                              headers={"Content-Type": "text/plain"})).read()

# The session policy StsCredentialIssuer attaches, for home a.
session_policy = {"Version": "2012-10-17", "Statement": [
    {"Sid": "OwnQueue", "Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
     "Resource": "arn:aws:sqs:%s:%s:p-relay-home-a" % (region, account)},
    {"Sid": "OwnReplies", "Effect": "Allow", "Action": "dynamodb:PutItem",
     "Resource": "arn:aws:dynamodb:%s:%s:table/p-replies" % (region, account),
     "Condition": {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": ["home-a#*"]}}}]}
sts = boto3.client("sts", endpoint_url=endpoint, region_name=region,
                   aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"])
creds = sts.assume_role(RoleArn="arn:aws:iam::%s:role/connector" % account, RoleSessionName="home-a",
                        Policy=json.dumps(session_policy))["Credentials"]
home_a = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id=creds["AccessKeyId"],
              aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
a_sqs, a_ddb = boto3.client("sqs", **home_a), boto3.client("dynamodb", **home_a)


def attempt(what, aws_answer, call):
    try:
        call()
        moto_answer = "allowed"
    except Exception as e:  # botocore's ClientError for a 403
        moto_answer = "refused (%s)" % type(e).__name__
    print("%-44s AWS: %-8s Moto: %s" % (what, aws_answer, moto_answer))


attempt("home a receives from its own queue", "allowed", lambda: a_sqs.receive_message(QueueUrl=queue_a))
attempt("home a receives from home b's queue", "refused", lambda: a_sqs.receive_message(QueueUrl=queue_b))
attempt("home a sends into its own queue", "refused", lambda: a_sqs.send_message(QueueUrl=queue_a, MessageBody="x"))
attempt("home a puts its own reply row", "allowed", lambda: a_ddb.put_item(TableName="p-replies", Item={"k": {"S": "home-a#1"}}))
attempt("home a puts home b's reply row", "refused", lambda: a_ddb.put_item(TableName="p-replies", Item={"k": {"S": "home-b#1"}}))
server.stop()
